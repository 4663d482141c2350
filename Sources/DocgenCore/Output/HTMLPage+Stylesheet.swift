extension HTMLPage {
    /// A small, readable stylesheet for generated pages: system fonts, a centred column, code blocks that
    /// scroll, a light navigation bar, and a dark variant through `prefers-color-scheme`.
    public static let defaultStylesheet = """
        :root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --code-bg: #f6f8fa;
                --border: #d1d9e0; --link: #0969da; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --code-bg: #151b23; --border: #3d444d;
                  --link: #4493f8; }
        }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.6;
               font: 16px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
        nav { border-bottom: 1px solid var(--border); padding: 0.5rem 1rem; }
        nav ul { list-style: none; margin: 0 auto; padding: 0; max-width: 56rem; display: flex; flex-wrap: wrap;
                 gap: 1rem; }
        nav a[aria-current="page"] { font-weight: 600; color: var(--fg); }
        main { max-width: 56rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
        a { color: var(--link); text-decoration: none; }
        a:hover { text-decoration: underline; }
        h1, h2, h3 { line-height: 1.25; margin: 1.5em 0 0.5em; }
        h1 { font-size: 2em; border-bottom: 1px solid var(--border); padding-bottom: 0.3em; }
        h2 { font-size: 1.5em; border-bottom: 1px solid var(--border); padding-bottom: 0.3em; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
        code { background: var(--code-bg); padding: 0.15em 0.35em; border-radius: 4px; }
        pre { background: var(--code-bg); padding: 1rem; border-radius: 6px; overflow-x: auto; }
        pre code { background: none; padding: 0; }
        blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: 0.25em solid var(--border); }
        table { border-collapse: collapse; }
        th, td { border: 1px solid var(--border); padding: 0.4em 0.8em; }
        img { max-width: 100%; }
        """
}
