#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new note, ready to edit: every front matter field of its kind is there,
/// the required ones filled in, the optional ones as empty lists or as
/// commented-out hints, so the note builds as it is and the editor sees the
/// whole format without looking it up. `timeline new` writes it.
public enum NoteScaffold {
    /// Why no note was created. Each says which argument or file is wrong and
    /// what would be right, as one `LOCATION: message (hint)` line.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case emptyTitle
        /// The title has no letter or digit a slug can be made of.
        case noSlug(title: String)
        case missingDate(NoteKind)
        case invalidDate(DateParseError)
        /// An article's date is the day it was published, never a month or range.
        case articleDateNotADay(String)
        /// People and places have no date field.
        case dateNotAllowed(NoteKind)
        case contentFolderMissing(String)
        case cannotCreate(path: String, reason: String)

        public var diagnostic: Diagnostic {
            switch self {
            case .emptyTitle:
                return Diagnostic(.error, file: "TITLE", "the title is empty", hint: "give the note a title, e.g. \"Talks in Geneva\"")
            case .noSlug(let title):
                return Diagnostic(.error, file: "TITLE", "cannot make a file name from '\(title)'",
                                  hint: "use at least one letter or digit")
            case .missingDate(.article):
                return Diagnostic(.error, file: "--date", "an article needs the day it was published",
                                  hint: "pass --date YYYY-MM-DD")
            case .missingDate(let kind):
                return Diagnostic(.error, file: "--date", "\(Self.withArticle(kind.noun)) needs a date",
                                  hint: "pass --date YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD")
            case .invalidDate(let error):
                return Diagnostic(.error, file: "--date", error.description)
            case .articleDateNotADay(let text):
                return Diagnostic(.error, file: "--date", "an article's date is the day it was published, not '\(text)'",
                                  hint: "write YYYY-MM-DD")
            case .dateNotAllowed(let kind):
                return Diagnostic(.error, file: "--date", "\(Self.withArticle(kind.noun)) has no date", hint: "leave out --date")
            case .contentFolderMissing(let path):
                return Diagnostic(.error, file: path, "content folder not found",
                                  hint: "run this where Content/ is, or pass --content DIR")
            case let .cannotCreate(path, reason):
                return Diagnostic(.error, file: path, "cannot create: \(reason)")
            }
        }

        public var description: String { diagnostic.description }

        /// "an event", "a person".
        private static func withArticle(_ noun: String) -> String {
            ("aeiou".contains(noun.first!) ? "an " : "a ") + noun
        }
    }

    /// Writes a new note of `kind` into `contentPath` and returns its path
    /// (`Content/events/talks-in-kyiv.md`). The file name is the title's slug,
    /// or `SLUG-2`, `SLUG-3`… when that is taken: an existing file is never
    /// opened for writing, even by a command run at the same moment.
    public static func create(
        _ kind: NoteKind, title: String, date: String?, contentPath: String
    ) throws(Failure) -> String {
        let title = oneLine(title)
        guard !title.isEmpty else { throw .emptyTitle }
        let eventDate = try validatedDate(date, for: kind)
        let slug = Transliteration.slug(from: title)
        guard !slug.isEmpty else { throw .noSlug(title: title) }
        let note = text(for: kind, title: title, date: eventDate)

        guard FileSystem.isDirectory(contentPath) else { throw .contentFolderMissing(contentPath) }
        let folder = join(contentPath, kind.folder)
        switch FileSystem.resolvedType(of: folder) {
        case .directory: break
        case .missing:
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
                throw .cannotCreate(path: folder, reason: FileSystem.errorText())
            }
        default: throw .cannotCreate(path: folder, reason: "exists and is not a folder")
        }
        for number in 1...maximumSuffix {
            let path = join(folder, (number == 1 ? slug : "\(slug)-\(number)") + ".md")
            if try writeNew(path, note) { return path }
        }
        throw .cannotCreate(path: join(folder, slug + ".md"),
                            reason: "it and \(slug)-2.md to \(slug)-\(maximumSuffix).md all exist")
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// How far `SLUG-N` counts before giving up.
    static let maximumSuffix = 999

    /// The date a note of `kind` gets from `--date`: events and articles need
    /// one, documents may have one, people and places have none.
    public static func validatedDate(_ text: String?, for kind: NoteKind) throws(Failure) -> EventDate? {
        let text = text?.trimmingSpaces
        switch kind {
        case .person, .place:
            guard text == nil else { throw .dateNotAllowed(kind) }
            return nil
        case .event, .article:
            guard text != nil else { throw .missingDate(kind) }
        case .document:
            guard text != nil else { return nil }
        }
        let date: EventDate
        do { date = try EventDate.parse(text!) } catch { throw .invalidDate(error) }
        if kind == .article, date.isRange || date.start.precision != .day { throw .articleDateNotADay(text!) }
        return date
    }

    // MARK: The note's text

    /// The whole note: front matter in the contract's field order, then a
    /// one-line body saying what belongs there. An event or article given no
    /// date gets a `YYYY-MM-DD` placeholder, which the build will point at.
    public static func text(for kind: NoteKind, title: String, date: EventDate?) -> String {
        let dateHint = "or YYYY-MM, YYYY, or a range YYYY-MM-DD/YYYY-MM-DD"
        var lines: [String]
        let body: String
        switch kind {
        case .event:
            lines = [
                "title: " + quoted(title),
                field("date: " + quoted(date?.isoString ?? "YYYY-MM-DD"), dateHint),
                field("# approximate: true", "the date is an estimate"),
                field("# timezone: Europe/Kyiv", "its zone, for a time such as 2025-12-02T18:00"),
                field("# order: 0", "lower first among events of one day without a time"),
                field("# key: true", "one of the few key moments, in the digest"),
                field("# place: SLUG", "a file in places/"),
                field("people: []", "files in people/, e.g. [vladimir-putin]"),
                field("documents: []", "files in documents/"),
                field("sources: []", "files in articles/ that report it"),
                field("tags: []", "lowercase words with hyphens, e.g. [talks]"),
                field("# status: reported", "or confirmed, disputed"),
                field("quotes: []", "- {by: PERSON, text: \"...\", source: ARTICLE}"),
                field("disputes: []", "- {about: \"...\", claims: [{source: ARTICLE, says: \"...\"}, ...], finding: {text: \"...\", sources: [ARTICLE]}}"),
                field("# draft: true", "left out unless built with --drafts"),
            ] + mediaHint
            body = "What happened, in your own words."
        case .article:
            lines = [
                "title: " + quoted(title),
                field("published: " + quoted(date?.isoString ?? "YYYY-MM-DD"), "the day it was published"),
                field("# outlet: NAME", "the publisher"),
                field("# author: NAME", "the byline"),
                field("# url: https://...", "the original's address"),
                field("# excerpt: true", "the text holds only the passages relied on, split by […] lines"),
                field("# archived: https://...", "an archived copy"),
                field("# language: ru", "its language, when not the site's"),
            ]
            body = "The article's text, verbatim: quotes in events are checked against it."
        case .person:
            lines = [
                "name: " + quoted(title),
                field("# role: ROLE", "e.g. \"Special envoy\""),
                field("# country: COUNTRY"),
                field("# aliases: []", "other spellings sources use, e.g. [Zelensky]"),
            ] + mediaHint
            body = "Who they are, in a sentence or two."
        case .place:
            lines = [
                "name: " + quoted(title),
                field("# country: COUNTRY"),
                field("# coordinates: [LAT, LON]", "in degrees, e.g. [50.4501, 30.5234]"),
                field("# aliases: []", "other spellings sources use, e.g. [Kiev]"),
            ] + mediaHint
            body = "Where it is and why it matters here, in a sentence or two."
        case .document:
            lines = [
                "title: " + quoted(title),
                date.map { field("date: " + quoted($0.isoString), dateHint) }
                    ?? field("# date: YYYY-MM-DD", dateHint),
                field("# points: N", "how many points it has"),
                field("# supersedes: SLUG", "the file in documents/ it replaces"),
            ] + mediaHint
            body = "What the document is and what it proposes, in a few sentences."
        }
        return "---\n" + lines.joined(separator: "\n") + "\n---\n\n" + body + "\n"
    }

    /// A commented `media:` entry: a picture from Content/media/ with what
    /// every picture needs, or a video's or post's address.
    private static let mediaHint = [
        "# media:",
        field("#   - src: media/NAME.jpg", "a JPEG, PNG, WebP or GIF in Content/media/, or a YouTube, Vimeo, Bluesky, X, Mastodon or DocumentCloud https address"),
        field("#     alt: \"...\"", "what the picture shows, for readers who cannot see it (\"\" if decorative)"),
        field("#     caption: \"...\""),
        field("#     credit: \"Photo: NAME / AGENCY\""),
        field("#     license: CC BY 4.0", "when it has one"),
    ]

    /// A front matter line with an explanation aligned to the right of it.
    private static func field(_ text: String, _ comment: String? = nil) -> String {
        guard let comment else { return text }
        let column = 28
        let padding = max(2, column - text.count)
        return text + String(repeating: " ", count: padding) + "# " + comment
    }

    /// A YAML double-quoted scalar, so any title reads back as the same text
    /// (never as a number, a date or a list).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Titles are one line: runs of white space, line breaks included, become one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: Writing

    /// Creates `path` with O_EXCL and writes `text`; false when the name is
    /// taken. A file it created but could not fill is removed again.
    private static func writeNew(_ path: String, _ text: String) throws(Failure) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw .cannotCreate(path: path, reason: FileSystem.errorText())
        }
        var failure: String?
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = FileSystem.errorText()
                break
            }
            bytes = bytes.dropFirst(count)
        }
        if close(fd) != 0, failure == nil { failure = FileSystem.errorText() }
        if let failure {
            unlink(path)
            throw .cannotCreate(path: path, reason: failure)
        }
        return true
    }
}
