namespace geo {
/// A box of one value.
template <typename T>
class Box {
public:
    Box() {}
    T get() const { return value; }
    void set(T next);
    template <typename U> U as() const;
    struct Inner { int depth() { return 1; } };

private:
    T value;
};

template <typename T>
void Box<T>::set(T next) { value = next; }

template <typename T>
template <typename U>
U Box<T>::as() const { return U(value); }

/// Characters get their own box.
template <>
struct Box<char> { int only() { return 2; } };

template <typename T>
struct Box<T*> { int pointer() { return 3; } };
}  // namespace geo

int use() {
    geo::Box<int> box;
    box.set(1);
    return box.get() + box.as<long>();
}
