import ArgumentParser
import Foundation
import TrackwayGateway
import TrackwayStore

/// `trackway admin`: turn the owner's console at /trackway/admin/ on (a password) or off.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Set or clear the password of the owner's console at /trackway/admin/.",
        discussion: """
        The console is off, every address of it 404, until a password is set. A running \
        `trackway serve` notices the change at once. Setting or clearing the password ends every \
        session.

        Examples:
          trackway admin set-password                 # asks without echo
          printf '%s\\n' "$PASSWORD" | trackway admin set-password --db site.sqlite
          trackway admin clear-password
        """,
        subcommands: [SetPassword.self, ClearPassword.self]
    )

    struct SetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Set the console's password (from the terminal without echo, else one line of standard input)."
        )
        @OptionGroup var database: RulesCommand.DatabaseOption

        func run() throws {
            let password = try PasswordInput.read(prompt: "Console password: ")
            let hash: String
            do {
                hash = try ConsolePassword.hash(password)
            } catch {
                throw ValidationError(error.description)
            }
            try database.store("admin").setConsolePassword(hash: hash)
            print("console password set: sign in at /trackway/admin/")
        }
    }

    struct ClearPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear-password", abstract: "Remove the console's password: the console is off and every session ends."
        )
        @OptionGroup var database: RulesCommand.DatabaseOption

        func run() throws {
            try database.store("admin").setConsolePassword(hash: nil)
            print("console password cleared: the console is off")
        }
    }
}
