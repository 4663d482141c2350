"""The hand-written texts behind the token goldens (see gen_token_goldens.py)."""

CODE = {
    "swift": 'struct Point: Hashable {\n    var x = 0.0, y = 0.0\n    func moved(by d: Double) -> Point {\n'
             '        Point(x: x + d, y: y - d)  // \u2190 shift\n    }\n}\nlet p = Point()\nprint("\\(p)")\n',
    "python": 'def fib(n: int) -> int:\n    """Return the n-th Fibonacci number."""\n    a, b = 0, 1\n'
              '    for _ in range(n):\n        a, b = b, a + b\n    return a\n\n\nif __name__ == "__main__":\n'
              '    print(f"{fib(30)=}")\r\n',
    "c": '#include <stdio.h>\n\nint main(int argc, char **argv) {\n\tfor (int i = 0; i < argc; ++i) {\n'
         '\t\tprintf("%d: %s\\n", i, argv[i]);\n\t}\n\treturn 0;\n}\n',
    "rust": 'fn main() -> Result<(), Box<dyn std::error::Error>> {\n    let v: Vec<u32> = (1..=10).collect();\n'
            '    let s = v.iter().map(|x| x * x).sum::<u32>();\n    println!("{s:>8}");\n    Ok(())\n}\n',
    "go": 'package main\n\nimport "fmt"\n\nfunc main() {\n\tch := make(chan int, 3)\n\tgo func() { ch <- 42 }()\n'
          '\tfmt.Println(<-ch)\n}\n',
    "javascript": "const xs = [1, 2, 3].map((x) => x ** 2);\nconsole.log(`sum=${xs.reduce((a, b) => a + b, 0)}`);\n"
                  "export default async function load(url) { return (await fetch(url)).json(); }\n",
    "typescript": "interface User { id: number; name?: string }\nconst users: Array<User> = [];\n"
                  "type Keys = keyof User; // 'id' | 'name'\n",
    "java": "public final class Main {\n    public static void main(String[] args) {\n"
            "        System.out.println(String.join(\", \", args));\n    }\n}\n",
    "kotlin": "data class Box<T>(val value: T)\nfun <T> Box<T>.map(f: (T) -> T) = Box(f(value))\n",
    "ruby": "class Greeter\n  def initialize(name) = @name = name\n  def greet; puts \"Hello, #{@name}!\"; end\nend\n",
    "haskell": "main :: IO ()\nmain = mapM_ print $ takeWhile (< 100) [x * x | x <- [1 ..]]\n",
    "sql": "SELECT u.id, COUNT(*) AS n\nFROM users u JOIN orders o ON o.user_id = u.id\n"
           "WHERE o.created_at >= '2024-01-01'\nGROUP BY u.id HAVING COUNT(*) > 3;\n",
    "html": '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>T&amp;C</title></head>\n'
            '<body><p class="x">Hi&nbsp;there</p><!-- comment --></body></html>\n',
    "css": ".btn:hover > .icon::after {\n  content: '\\2192';\n  margin: 0 auto !important;\n"
           "  color: #ff00aa;\n}\n",
    "shell": '#!/usr/bin/env bash\nset -euo pipefail\nfor f in "$@"; do\n  [[ -f $f ]] && wc -l -- "$f" | '
             "awk '{print $1}'\ndone 2>/dev/null\n",
    "json": '{"name": "docgen", "version": "0.1.0", "tags": ["a", "b"], "nested": {"x": [1, 2.5, -3e10, null]}}\n',
    "yaml": "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
            "      - run: swift test --parallel\n",
    "makefile": "all: build\n\nbuild:\n\t$(CC) -O2 -o $@ $^ $(LDFLAGS)\n\n.PHONY: all build\n",
    "latex": "\\begin{equation}\n  \\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}\n\\end{equation}\n",
    "asm": "_start:\n    mov rax, 60      ; exit\n    xor edi, edi\n    syscall\n",
    "diff": "--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,3 @@\n-print('old')\n+print('new')\n",
    "regex": r"^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@\w+\.\w{2,}$",
    "windows": "C:\\Users\\me\\AppData\\Local\\Temp\\file.txt\r\nline two\r\n\r\n",
}

PROSE = {
    "english": "The quick brown fox jumps over the lazy dog. It's 5 o'clock somewhere, isn't it?",
    "french": "L'été dernier, nous sommes allés à la mer ; c'était très agréable — n'est-ce pas ?",
    "german": "Die Straße ist naß, aber Größe zählt nicht. Übermäßig schöne Grüße aus Köln!",
    "spanish": "¿Dónde está la biblioteca? ¡Mañana será otro día, señor Núñez!",
    "polish": "Zażółć gęślą jaźń. Źdźbło trawy łączy się z ćmą.",
    "vietnamese": "Tiếng Việt có nhiều dấu: ả, ẫ, ợ, ữ, đường phố Hà Nội.",
    "turkish": "İstanbul'da ılık bir gün; IŞIK ve ışık farklıdır.",
    "russian": "Съешь же ещё этих мягких французских булок, да выпей чаю. Ёлка!",
    "ukrainian": "Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!",
    "greek": "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Η Ελλάδα είναι όμορφη· ναι;",
    "arabic": "مرحبا بالعالم! هذه جملة باللغة العربية، مع أرقام ١٢٣ وعلامات: «نعم».",
    "hebrew": "שָׁלוֹם עוֹלָם! זה משפט בעברית עם ניקוד ומספרים 2024.",
    "persian": "سلام دنیا؛ این یک جملهٔ فارسی است با اعداد ۱۲۳۴.",
    "hindi": "नमस्ते दुनिया! यह हिन्दी का एक वाक्य है, जिसमें संयुक्ताक्षर क्ष, त्र, ज्ञ हैं। १२३",
    "bengali": "আমি বাংলায় গান গাই। ২০২৪ সালে।",
    "tamil": "யாமறிந்த மொழிகளிலே தமிழ்மொழி போல் இனிதாவது எங்கும் காணோம்.",
    "thai": "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ เช่น สวัสดีครับ ๑๒๓",
    "chinese": "我能吞下玻璃而不伤身体。這是繁體中文，還有標點符號：「你好」！",
    "japanese": "いろはにほへと　ちりぬるを。カタカナとひらがな、漢字を混ぜて書きます。ｶﾀｶﾅ",
    "korean": "다람쥐 헌 쳇바퀴에 타고파. 한국어 문장입니다! ㄱㄴㄷ",
    "georgian": "ქართული ენა ძალიან ლამაზია.",
    "armenian": "Բարեւ աշխարհ, սա հայերեն նախադասություն է։",
    "amharic": "ሰላም ለዓለም። ይህ የአማርኛ ዓረፍተ ነገር ነው።",
    "mixed": "Math: ∀x∈ℝ, x²≥0; ∑ᵢ aᵢ = ∞. Currency: €5, ¥300, ₹12.50, £3. Arrows → ⇒ ↔.",
}

EDGE_CASES = [
    "", " ", "  ", "   ", "\n", "\n\n", "\r", "\r\n", "\r\r\n", "\n\r", "a\rb", "a\r\nb", "a\n\rb", "x\r",
    "a ", "a  ", "a \n", "a \n ", "a\t", "   a", "\t\ta", " \t\n\t x", "a  b", "a   b", "a \t b", "a\n  b",
    "  \n  \n  ", " \n\n x", "foo \r\n bar", "end   ", "end\n\n\n", "\t", "\x0b\x0c", "a\x0bb",
    "a\u00a0b", "\u00a0a", "\u00a0\u00a0a", "a\u00a0\u00a0", "\u3000中文\u3000", "x\u2028y\u2029z", "a\u0085b",
    "a\u202fb", "a\u205f\u205fb", "a\u1680b", "a\u200bb", "\ufeffBOM", "a\u180eb", "a\u2000\u2001\u200ab",
    " \u00a0 x", "\u00a0\n", "x \u3000", "!\n", "! \n", "!!\r\n\r\n", "}\r\n/", "x/\n/", "//", " //x", "a/b/c",
    "'s", "'S", "'t", "'T", "'d", "'D", "'m", "'M", "'ll", "'LL", "'Ll", "'lL", "'ve", "'VE", "'vE", "'re", "'RE",
    "'Re", "'rE", "'ſ", "xſ's", "don't", "DON'T", "I'M", "they'RE", "we'Ve", "you'll", "YOU'LL", "she'd", "'sup",
    "''s", "'", "''", "x'll've", "café's", "ÀB's", "ABC'S", "HELLO'll", "a 's", "a'", "Bob's 'quote'",
    "’s", "it’s", "l'", "'l", "'lx", "'v", "'r", "'\u017fup",
    "1", "12", "123", "1234", "12345", "1234567890123", "0000000", "3.14159", "1,000,000", "0x1F", "v2.0.1",
    "١٢٣٤٥", "१२३४", "½⅓¼", "Ⅻ ⅻ", "①②③", "²³", "１２３４", "𝟏𝟐𝟑", "12abc", "abc123", "x1y2z3",
    "HelloWorld", "camelCaseIdentifier", "HTTPServer", "getHTTPResponseCode", "ǅungla", "ʰello", "ᵃᵇᶜ", "ABCdef",
    "ŉ", "ﬁﬂ", "Ǆ ǅ ǆ", "ß ẞ", "İı", "ΣΑΣ σας", "Ꭰꭰ",
    "e\u0301", "e\u0301\u0302\u0303", " \u0301", "\u0301", "\u0301a", "a\u0301b", "Z\u0351\u0352\u0353a\u0354l",
    "g\u0308o", "\u20dd", "a\u20ddb", "x\u0903y", "क्षत्र", "ש\u05bcׁ", "ﷺ", "\u0e33", "ก\u0e31\u0e49",
    "👍", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇫🇷🇯🇵", "1️⃣", "❤️", "❤︎", "🧑🏿‍💻 codes", "a👍b", " 😀😀", "🙂!",
    "<|endoftext|>", "a<|endoftext|>b", "<|fim_prefix|>x<|fim_middle|>y<|fim_suffix|>", "<|endofprompt|>",
    "<|endoftext", "<|im_start|>user", "<<|endoftext|>>", " <|endoftext|> ",
    "\x00", "a\x00b", "\x01\x02\x1f", "\x7f", "\u0080\u009f", "\ue000\uf8ff", "\U000f0000", "\U0010fffd",
    "\ufffd", "\ufffe\uffff", "\U0001f9ff\U000e0001", "\u0378\u0379", "\U00010000",
    # Unicode 16 (known to tiktoken's regex tables) and 17 (unassigned to them) assignments:
    "a\u0897b", " \u0897x", "\ua7cb\ua7ccz", "x\U0001e6c0y", " \U00010940a", "\u1ad2q", "'s\U0002b73a's",
]


def long_cases():
    letters = "a" * 5000
    return {
        "long-one-letter": letters,
        "long-one-letter-upper": "Z" * 3000,
        "long-digits": "1234567890" * 300,
        "long-spaces-then-word": " " * 2000 + "word",
        "long-trailing-spaces": "word" + " " * 2000,
        "long-newlines": "\n" * 1000,
        "long-crlf": "\r\n" * 500,
        "long-punctuation": "!?." * 700,
        "long-ab": "ab" * 2000,
        "long-cjk": "中文字符" * 500,
        "long-thai": "สวัสดี" * 300,
        "long-emoji": "😀" * 500,
        "long-combining": "a" + "\u0301" * 1000,
        "long-mixed-word": ("abc" * 100 + "DEF" * 100) * 5,
    }


def base64_blob(rng, size):
    import base64

    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(size))).decode()
