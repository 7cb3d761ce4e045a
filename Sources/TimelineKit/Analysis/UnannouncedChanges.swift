import Foundation

/// `check`'s comparison with git: an event whose date, status or title
/// differs from the last committed version, with no correction or update
/// added since, changed without telling its readers. Only the files git
/// reports as changed are read back, so a large story costs two processes
/// plus one per edited event.
public enum UnannouncedChanges {
    /// The warnings, or why there is nothing to compare with.
    public enum Outcome: Sendable {
        case compared([Diagnostic])
        case notCompared(String)
    }

    public static func review(_ chronology: Chronology, contentPath: String) -> Outcome {
        guard let inside = git(["rev-parse", "--is-inside-work-tree"], in: contentPath), inside.trimmingSpaces == "true" else {
            return .notCompared("\(contentPath) is not in a git work tree: changes since the last commit are not compared")
        }
        guard git(["rev-parse", "--verify", "--quiet", "HEAD"], in: contentPath) != nil else {
            return .notCompared("\(contentPath) has no commit yet: changes since the last commit are not compared")
        }
        guard let listed = git(["diff", "--name-only", "--relative", "-z", "HEAD", "--", "events"], in: contentPath) else {
            return .notCompared("git could not list the changes in \(contentPath)")
        }
        var warnings: [Diagnostic] = []
        for name in listed.split(separator: "\0") where name.hasPrefix("events/") && name.hasSuffix(".md") {
            let slug = String(name.dropFirst("events/".count).dropLast(3))
            guard let index = chronology.eventIndex[slug],
                  let committed = git(["show", "HEAD:./" + name], in: contentPath) else { continue }
            // Both versions as parsed from their text, so neither has the
            // site's zone applied: only what the editor wrote is compared.
            let path = chronology.events[index].source.file
            guard let current = try? String(contentsOfFile: path, encoding: .utf8),
                  case .event(let before) = ParsedNote.parse(SourceFile(kind: .event, slug: slug, path: path, text: committed)).0,
                  case .event(let now) = ParsedNote.parse(SourceFile(kind: .event, slug: slug, path: path, text: current)).0
            else { continue }
            warnings += unannounced(before, now)
        }
        return .compared(warnings)
    }

    /// What changed of date, status and title, unless a correction or an
    /// update was added with it.
    static func unannounced(_ before: Event, _ now: Event) -> [Diagnostic] {
        guard now.corrections.count + now.updates.count <= before.corrections.count + before.updates.count else { return [] }
        var changed: [String] = []
        if before.date.isoString != now.date.isoString || before.date.approximate != now.date.approximate {
            changed.append("its date (was \(before.date.isoString))")
        }
        if before.status != now.status { changed.append("its status (was \(before.status.rawValue))") }
        if before.title != now.title { changed.append("its title (was \"\(before.title)\")") }
        guard !changed.isEmpty else { return [] }
        return [.warning(
            "changed since the last commit, \(changed.joined(separator: ", ")), and no correction or update says so",
            at: SourceLocation(file: now.source.file, line: now.source.titleLine, column: 1),
            hint: "add a correction saying what was wrong, or an update saying what was added")]
    }

    /// Runs git in `folder`; its output, or nil when it fails or is missing.
    private static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
