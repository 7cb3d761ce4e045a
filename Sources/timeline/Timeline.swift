import ArgumentParser

@main
struct Timeline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Builds a news chronology website from Markdown notes.",
        subcommands: [BuildCommand.self, ServeCommand.self, NewCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
