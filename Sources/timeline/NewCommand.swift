import ArgumentParser
import TimelineKit

/// `timeline new event "Talks in Kyiv" --date 2025-12-04`: writes a note with
/// the whole front matter of its kind and prints where, so an editor starts
/// from a file that builds rather than from memory of the format.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a note with its front matter filled in, and print its path.",
        discussion: """
            The file is named after the title (Cyrillic and accented letters spelt in \
            a-z), with -2, -3… added when that name is taken; no file is ever overwritten.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case event, article, person, place, document

        var noteKind: NoteKind {
            switch self {
            case .event: return .event
            case .article: return .article
            case .person: return .person
            case .place: return .place
            case .document: return .document
            }
        }
    }

    @Argument(help: "What to create: event, article, person, place or document.") var kind: Kind
    @Argument(help: "The title, or the person's or place's name.") var title: String
    @Option(help: "YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD. Events need one; for an article, the day it was published.")
    var date: String?
    @Option(help: "The folder of Markdown notes.") var content = "Content"

    func run() throws {
        do throws(NoteScaffold.Failure) {
            let path = try NoteScaffold.create(kind.noteKind, title: title, date: date, contentPath: content)
            print(path)
        } catch {
            Report.printError(error.description)
            throw ExitCode.failure
        }
    }
}
