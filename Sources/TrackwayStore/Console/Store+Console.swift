extension Store {
    /// Sets the console's password hash (`trackway admin set-password`); nil turns the console
    /// off (`clear-password`). Every session ends either way.
    ///
    /// ```swift
    /// try store.setConsolePassword(hash: try ConsolePassword.hash("correct horse"))
    /// ```
    public func setConsolePassword(hash: String?) throws {
        try PingStore(database: database).setConsolePassword(hash: hash)
    }

    /// The console's password hash; nil while the console is off.
    public func consolePasswordHash() throws -> String? {
        try PingStore(database: database).setting(PingStore.consolePasswordSetting)
    }
}
