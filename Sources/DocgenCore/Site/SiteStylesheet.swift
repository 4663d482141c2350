/// The site's stylesheet, `style.css`: a top bar with the search box, a sticky sidebar with the folder tree, the
/// content column and a table of contents on wide screens; one column on phones (the sidebar slides in from the
/// ☰ button). Colours follow the system's light or dark setting; printing shows the content alone.
enum SiteStylesheet {
    /// The contents of `style.css`.
    static let source = """
        :root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --code-bg: #f6f8fa;
                --border: #d1d9e0; --link: #0969da; --side-bg: #f6f8fa; --hit: #ddf4ff; --mark: #fff8c5;
                --topbar: 3.25rem; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --code-bg: #151b23; --border: #3d444d;
                  --link: #4493f8; --side-bg: #010409; --hit: #1f2d3d; --mark: #3b2e00; }
        }
        * { box-sizing: border-box; }
        html { scroll-padding-top: calc(var(--topbar) + 0.75rem); }
        body { margin: 0; color: var(--fg); background: var(--bg);
               font: 16px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
        a { color: var(--link); text-decoration: none; }
        a:hover { text-decoration: underline; }
        .skip-link { position: absolute; left: -999px; top: 0; }
        .skip-link:focus { left: 0.5rem; z-index: 20; background: var(--bg); padding: 0.25rem 0.5rem; }

        .topbar { position: sticky; top: 0; z-index: 10; height: var(--topbar); display: flex; align-items: center;
                  gap: 0.75rem; padding: 0 1rem; background: var(--bg); border-bottom: 1px solid var(--border); }
        .project { font-weight: 600; color: var(--fg); white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
                   min-width: 0; }
        .nav-toggle { font: inherit; font-size: 1.1rem; line-height: 1; padding: 0.3rem 0.5rem; cursor: pointer;
                      color: var(--fg); background: transparent; border: 1px solid var(--border); border-radius: 6px; }
        .search { position: relative; margin-left: auto; width: 26rem; max-width: 55vw; }
        .search input { width: 100%; font: inherit; font-size: 0.9rem; padding: 0.3rem 0.6rem; color: var(--fg);
                        background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; }
        .search-results { position: absolute; right: 0; top: 2.2rem; width: min(34rem, 92vw); max-height: 70vh;
                          overflow-y: auto; margin: 0; padding: 0.25rem 0; list-style: none; background: var(--bg);
                          border: 1px solid var(--border); border-radius: 6px; box-shadow: 0 8px 24px rgba(0,0,0,.2); }
        .search-results a { display: flex; flex-wrap: wrap; gap: 0 0.6rem; padding: 0.3rem 0.75rem; color: var(--fg); }
        .search-results a:hover, .search-results a.selected { background: var(--hit); text-decoration: none; }
        .result-name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem;
                       overflow-wrap: anywhere; }
        .result-kind, .result-page { color: var(--muted); font-size: 0.8rem; }
        .result-page { flex-basis: 100%; overflow-wrap: anywhere; }
        .result-none { padding: 0.3rem 0.75rem; color: var(--muted); }

        .layout { display: grid; grid-template-columns: 18rem minmax(0, 1fr) 16rem;
                  grid-template-areas: "side main toc"; }
        .sidebar { grid-area: side; align-self: start; position: sticky; top: var(--topbar);
                   height: calc(100vh - var(--topbar));
                   overflow-y: auto; padding: 0.75rem 0.5rem 2rem 0.75rem; font-size: 0.875rem;
                   background: var(--side-bg); border-right: 1px solid var(--border); }
        .sidebar ul { list-style: none; margin: 0; padding: 0; }
        .sidebar .nav-tree ul { padding-left: 0.9rem; border-left: 1px solid var(--border); margin-left: 0.35rem; }
        .sidebar li { margin: 0; }
        .sidebar a, .sidebar summary span { display: inline-block; padding: 0.05rem 0.25rem; overflow-wrap: anywhere; }
        .sidebar li.file > a { display: block; border-radius: 4px; }
        .sidebar a.current { font-weight: 600; color: var(--fg); background: var(--hit); border-radius: 4px; }
        .sidebar summary { cursor: pointer; }
        .sidebar .nav-section { margin-top: 0.75rem; }
        .sidebar .nav-section > summary { font-weight: 600; text-transform: uppercase; font-size: 0.75rem;
                                          letter-spacing: 0.04em; color: var(--muted); }
        .sidebar .nav-links a { display: block; }
        body.nav-hidden .layout { grid-template-columns: minmax(0, 1fr) 16rem; grid-template-areas: "main toc"; }
        body.nav-hidden .sidebar { display: none; }

        main { grid-area: main; min-width: 0; max-width: 56rem; width: 100%; margin: 0 auto;
               padding: 1rem 2rem 4rem; }
        .breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; margin: 0; padding: 0; font-size: 0.875rem;
                          color: var(--muted); }
        .breadcrumbs li + li::before { content: "/"; padding: 0 0.4rem; color: var(--muted); }
        .toc { grid-area: toc; align-self: start; position: sticky; top: var(--topbar);
               max-height: calc(100vh - var(--topbar));
               overflow-y: auto; padding: 1rem 1rem 2rem 0.5rem; font-size: 0.8rem; }
        .toc summary { font-weight: 600; cursor: pointer; color: var(--muted); }
        .toc ul { list-style: none; margin: 0.5rem 0 0; padding: 0; }
        .toc li { padding: 0.05rem 0; overflow-wrap: anywhere; }
        .toc .toc-1 { padding-left: 0.9rem; } .toc .toc-2 { padding-left: 1.8rem; } .toc .toc-3 { padding-left: 2.7rem; }

        h1, h2, h3, h4 { line-height: 1.25; margin: 1.5em 0 0.5em; overflow-wrap: anywhere; }
        h1 { font-size: 2em; border-bottom: 1px solid var(--border); padding-bottom: 0.3em; margin-top: 0.5em; }
        h2 { font-size: 1.5em; border-bottom: 1px solid var(--border); padding-bottom: 0.3em; }
        h3 { font-size: 1.2em; } h4 { font-size: 1.05em; }
        h2:has(> .anchor:target), h3:has(> .anchor:target), h4:has(> .anchor:target),
        li:has(> .anchor:target) { background: var(--mark); border-radius: 4px; }
        p, li { overflow-wrap: break-word; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875em; }
        code { background: var(--code-bg); padding: 0.15em 0.35em; border-radius: 4px; overflow-wrap: anywhere; }
        pre { background: var(--code-bg); padding: 0.9rem 1rem; border-radius: 6px; overflow-x: auto;
              border: 1px solid var(--border); line-height: 1.45; }
        pre code { background: none; padding: 0; overflow-wrap: normal; }
        blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: 0.25em solid var(--border); }
        table { border-collapse: collapse; display: block; overflow-x: auto; }
        th, td { border: 1px solid var(--border); padding: 0.4em 0.8em; }
        img { max-width: 100%; }

        @media (max-width: 1100px) {
          .layout { grid-template-columns: 18rem minmax(0, 1fr); grid-template-areas: "side toc" "side main";
                    grid-template-rows: auto 1fr; }
          body.nav-hidden .layout { grid-template-columns: minmax(0, 1fr); grid-template-areas: "toc" "main"; }
          .toc { position: static; max-height: none; padding: 0.75rem 2rem 0; max-width: 56rem; width: 100%;
                 margin: 0 auto; }
          .toc ul { max-height: 50vh; overflow-y: auto; }
        }
        @media (max-width: 800px) {
          .layout, body.nav-hidden .layout { grid-template-columns: minmax(0, 1fr); grid-template-areas: "toc" "main"; }
          .sidebar { display: none; }
          body.nav-open .sidebar { display: block; position: fixed; z-index: 9; left: 0; top: var(--topbar);
                                   width: min(20rem, 85vw); box-shadow: 0 8px 24px rgba(0,0,0,.3); }
          main { padding: 0.75rem 1rem 3rem; }
          .toc { padding: 0.5rem 1rem 0; }
          .search { width: auto; flex: 1; max-width: none; }
        }
        @media print {
          .topbar, .sidebar, .toc, .skip-link, .breadcrumbs { display: none !important; }
          .layout { display: block; }
          main { max-width: none; padding: 0; }
          body { font-size: 11pt; background: #fff; color: #000; }
          a { color: inherit; text-decoration: underline; }
          pre { white-space: pre-wrap; overflow-wrap: anywhere; border-color: #999; }
          pre, blockquote, h1, h2, h3, h4 { break-inside: avoid; }
          h1, h2, h3, h4 { break-after: avoid; }
        }
        """
}
