import DocgenBase
import DocgenCore
import Foundation

extension PageVerifier {
    /// Structure findings other than links': Mermaid, unclosed blocks, empty sections, topic.
    /// - Parameters:
    ///   - bodyLines: The number of lines before docgen's link sections (``CrossLinks/marker``).
    ///   - bodyWords: The ``PageWords`` of those lines.
    func structure(_ page: MarkdownPage, bodyLines: Int, bodyWords: Set<String>, facts: FileFacts)
        -> [PageQuality.Finding]
    {
        var findings: [PageQuality.Finding] = []
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
        if let problem = topicProblem(page, bodyLines: bodyLines, words: bodyWords, facts: facts) {
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

    /// A link checked from its page alone, or marked for a check against the page it points into. External links
    /// (`http:`, `https:`, `mailto:`) are not fetched.
    func localLinkCheck(_ destination: String, line: Int, pageAnchors: Set<String>, ownSymbols: Set<String>)
        -> LocalReview.LinkCheck
    {
        func problem(_ message: String) -> LocalReview.LinkCheck {
            .checked(.init(check: "structure", line: line, name: destination, message: message))
        }
        let lower = destination.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") {
            return .checked(nil)
        }
        if !HTMLEscaping.isSafeLink(destination) || lower.contains(":" as Character) {
            return problem("link '\(destination)' uses a scheme the site does not allow")
        }
        if destination.isEmpty { return problem("link with an empty target") }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts[0].isEmpty else { return .acrossPages(destination: destination, line: line) }
        guard parts.count > 1 else { return .checked(nil) }
        let fragment = String(parts[1]).removingPercentEncodingForLink
        return pageAnchors.contains(fragment) || ownSymbols.contains(fragment)
            ? .checked(nil) : problem("anchor '#\(fragment)' is not on this page")
    }

    /// Why a link into another page does not resolve, or nil.
    func crossPageProblem(_ destination: String, pagePath: String, targetAnchors: inout [String: [Set<String>]])
        -> String?
    {
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0]).removingPercentEncodingForLink
        let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncodingForLink : nil
        guard let target = Self.resolve(pathPart, from: pagePath) else {
            return "link '\(destination)' leaves the output folder"
        }
        let targetFile = repository.source(forPage: target)
        guard targetFile != nil || extraPages.contains(target) || readPage(target) != nil else {
            return "link '\(destination)' points to a page that does not exist"
        }
        guard let fragment else { return nil }
        // The target's symbol names and its page's anchors, kept apart (merging them copied thousands of names
        // per linking page).
        let anchors: [Set<String>]
        if let known = targetAnchors[target] {
            anchors = known
        } else {
            var found = [repository.symbolNames(ofPage: target)]
            if let text = readPage(target) {
                found.append(memo.anchors(ofPage: target, text: text))
            } else if let targetFile {
                found.append(
                    memo.symbolAnchors(ofPage: target) {
                        Set(targetFile.symbols.map { MarkdownPage.slug("\($0.kind) `\($0.qualifiedName)`") })
                    })
            }
            targetAnchors[target] = found
            anchors = found
        }
        return anchors.contains { $0.contains(fragment) } ? nil : "anchor '#\(fragment)' is not on \(target)"
    }

    /// The output-relative path of a link target, or nil when it climbs out of the output folder.
    static func resolve(_ link: String, from pagePath: String) -> String? {
        // On the bytes (`/` and `.` are ASCII): every page resolves each of its links into other pages.
        let slash = UInt8(ascii: "/")
        var parts = link.utf8.first == slash ? [] : Array(pagePath.utf8.split(separator: slash).dropLast())
        for component in link.utf8.split(separator: slash) {
            if component.elementsEqual(".".utf8) { continue }
            if component.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(component)
            }
        }
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
    }

    /// The page must name its file and mention its own top-level symbols more than any other file's. docgen's own
    /// link sections (after ``CrossLinks/marker``) name the neighbours' symbols by design, so they do not count.
    ///
    /// - Parameters:
    ///   - bodyLines: The number of lines before docgen's link sections.
    ///   - words: The ``PageWords`` of those lines.
    func topicProblem(_ page: MarkdownPage, bodyLines: Int, words: Set<String>, facts: FileFacts) -> String? {
        // A module name holds no line break: searching line by line finds what searching the joined text would.
        let lines = page.lines.prefix(bodyLines)
        let namesFile = facts.moduleNames.contains { name in lines.contains { ByteSearch.contains($0, name) } }
        let own = facts.topLevelNames
        let ownMentioned = own.filter { words.contains($0) }.count
        if !namesFile { return "the page never names its file \(facts.file.path)" }
        if !own.isEmpty, ownMentioned == 0 {
            return
                "the page is not about \(facts.file.path): none of its symbols (\(own.sorted().prefix(5).joined(separator: ", "))) appear"
        }
        // Per other file: how many of its top-level names (longer than 3, not shared with this file) the page uses.
        // Counted from the page's words through an index, so a page costs its own length, not the repository's.
        var mentionedByFile: [String: Int] = [:]
        for word in words where Self.isLongerThanThree(word) && !own.contains(word) {
            for path in repository.filesDeclaringTopLevel(word) where path != facts.file.path {
                mentionedByFile[path, default: 0] += 1
            }
        }
        for (path, mentioned) in mentionedByFile.sorted(by: { $0.key < $1.key }) {
            if mentioned >= 2, mentioned > ownMentioned * 2 {
                return "the page reads like a page about \(path): it names \(mentioned) of its symbols and "
                    + "\(ownMentioned) of \(facts.file.path)'s"
            }
        }
        return nil
    }

    /// `word.count > 3` without walking the characters of an ASCII word.
    static func isLongerThanThree(_ word: String) -> Bool {
        let bytes = word.utf8.count
        if bytes <= 3 { return false }
        return word.utf8.allSatisfy { $0 < 0x80 } || word.count > 3
    }
}
