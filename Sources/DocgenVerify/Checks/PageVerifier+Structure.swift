import DocgenBase
import DocgenCore
import Foundation

extension PageVerifier {
    func structure(_ page: MarkdownPage, facts: FileFacts, pagePath: String) -> [PageQuality.Finding] {
        var findings: [PageQuality.Finding] = []
        for link in page.links {
            if let problem = linkProblem(link.destination, page: page, pagePath: pagePath) {
                findings.append(.init(check: "structure", line: link.line, name: link.destination, message: problem))
            }
        }
        for block in page.fencedBlocks where block.language == "mermaid" {
            for problem in MermaidChecker.problems(in: block.content) {
                findings.append(
                    .init(
                        check: "structure", line: block.line + problem.offset + 1, name: nil,
                        message: "Mermaid: \(problem.message)"))
            }
        }
        for block in page.fencedBlocks where !block.isClosed {
            findings.append(.init(check: "structure", line: block.line, name: nil, message: "code block never closed"))
        }
        for (index, heading) in page.headings.enumerated() where isEmpty(section: index, in: page) {
            findings.append(
                .init(
                    check: "structure", line: heading.line, name: heading.text,
                    message: "section '\(heading.text)' is empty"))
        }
        if let problem = topicProblem(page, facts: facts) {
            findings.append(.init(check: "structure", line: nil, name: facts.file.path, message: problem))
        }
        return findings
    }

    /// A heading with nothing under it before the next heading of the same or a higher level (or the end).
    func isEmpty(section index: Int, in page: MarkdownPage) -> Bool {
        let heading = page.headings[index]
        let nextHeading = page.headings.dropFirst(index + 1).first
        if let nextHeading, nextHeading.level > heading.level { return false }
        let end = (nextHeading?.line ?? page.lines.count + 1) - 1
        guard end > heading.line else { return true }
        return page.lines[heading.line..<end].allSatisfy {
            let text = $0.trimming([" ", "\t"])
            return text.isEmpty || (text.hasPrefix("<!--") && text.hasSuffix("-->"))
        }
    }

    /// Why a link does not resolve, or nil. External links (`http:`, `https:`, `mailto:`) are not fetched.
    func linkProblem(_ destination: String, page: MarkdownPage, pagePath: String) -> String? {
        let lower = destination.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { return nil }
        if !HTMLEscaping.isSafeLink(destination) || lower.contains(":") {
            return "link '\(destination)' uses a scheme the site does not allow"
        }
        if destination.isEmpty { return "link with an empty target" }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0]).removingPercentEncodingForLink
        let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncodingForLink : nil
        if pathPart.isEmpty {
            guard let fragment else { return nil }
            let symbols = repository.file(forPage: pagePath).map { Set($0.file.symbols.map(\.qualifiedName)) } ?? []
            return page.anchors.contains(fragment) || symbols.contains(fragment)
                ? nil : "anchor '#\(fragment)' is not on this page"
        }
        guard let target = Self.resolve(pathPart, from: pagePath) else {
            return "link '\(destination)' leaves the output folder"
        }
        let targetFile = repository.file(forPage: target)
        guard targetFile != nil || extraPages.contains(target) || readPage(target) != nil else {
            return "link '\(destination)' points to a page that does not exist"
        }
        guard let fragment else { return nil }
        var anchors = Set(targetFile?.file.symbols.map(\.qualifiedName) ?? [])
        if let text = readPage(target) {
            anchors.formUnion(MarkdownPage(text).anchors)
        } else if let targetFile {
            for symbol in targetFile.file.symbols {
                anchors.insert(MarkdownPage.slug("\(symbol.kind) `\(symbol.qualifiedName)`"))
            }
        }
        return anchors.contains(fragment) ? nil : "anchor '#\(fragment)' is not on \(target)"
    }

    /// The output-relative path of a link target, or nil when it climbs out of the output folder.
    static func resolve(_ link: String, from pagePath: String) -> String? {
        var parts = link.hasPrefix("/") ? [] : pagePath.split(separator: "/").dropLast().map(String.init)
        for component in link.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The page must name its file and mention its own top-level symbols more than any other file's.
    func topicProblem(_ page: MarkdownPage, facts: FileFacts) -> String? {
        let words = Self.words(page.lines)
        let text = page.lines.joined(separator: "\n")
        let namesFile = facts.moduleNames.contains { text.contains($0) }
        let own = Set(facts.file.symbols.filter { !$0.qualifiedName.contains(".") }.map(\.name))
        let ownMentioned = own.filter { words.contains($0) }.count
        if !namesFile { return "the page never names its file \(facts.file.path)" }
        if !own.isEmpty, ownMentioned == 0 {
            return
                "the page is not about \(facts.file.path): none of its symbols (\(own.sorted().prefix(5).joined(separator: ", "))) appear"
        }
        for (path, other) in repository.files where path != facts.file.path {
            let theirs = Set(other.file.symbols.filter { !$0.qualifiedName.contains(".") }.map(\.name)).subtracting(own)
            let mentioned = theirs.filter { words.contains($0) && $0.count > 3 }.count
            if mentioned >= 2, mentioned > ownMentioned * 2 {
                return "the page reads like a page about \(path): it names \(mentioned) of its symbols and "
                    + "\(ownMentioned) of \(facts.file.path)'s"
            }
        }
        return nil
    }
}

extension String {
    /// `%20` and friends decoded (the forms ``IndexWriter`` writes), other text kept.
    var removingPercentEncodingForLink: String {
        replacing("%20", with: " ").replacing("%28", with: "(").replacing("%29", with: ")").replacing("%3C", with: "<")
            .replacing("%3E", with: ">")
    }
}
