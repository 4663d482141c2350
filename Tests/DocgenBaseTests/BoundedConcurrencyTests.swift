import DocgenBase
import Synchronization
import Testing

struct BoundedConcurrencyTests {
    final class InFlight: Sendable {
        let state = Mutex((current: 0, peak: 0))
        func enter() {
            state.withLock {
                $0.current += 1
                $0.peak = max($0.peak, $0.current)
            }
        }
        func leave() { state.withLock { $0.current -= 1 } }
        var peak: Int { state.withLock { $0.peak } }
    }

    @Test(arguments: [1, 3, 8])
    func keepsOrderAndNeverExceedsTheWidth(width: Int) async {
        let inFlight = InFlight()
        var seen: [Int] = []
        let results = await BoundedConcurrency.map(
            Array(0..<40), width: width, onResult: { _, _, done in seen.append(done) }
        ) {
            value in
            inFlight.enter()
            for _ in 0..<(value % 5) { await Task.yield() }
            inFlight.leave()
            return value * 2
        }
        #expect(results == (0..<40).map { Optional($0 * 2) })
        #expect(inFlight.peak <= width)
        #expect(seen == Array(1...40))
    }

    @Test func cancellationStartsNothingNew() async {
        let task = Task {
            await BoundedConcurrency.map(Array(0..<100), width: 2) { value -> Int in
                for _ in 0..<10 { await Task.yield() }
                return value
            }
        }
        task.cancel()
        let results = await task.value
        #expect(results.count == 100)
        #expect(results.contains { $0 == nil })
    }
}
