import ArgumentParser

@main
struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Builds a news chronology website from Markdown notes.",
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
