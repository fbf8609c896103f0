extension Database {
    /// What a queue claim's inner SELECT adds so that nodes claiming at once take different
    /// rows: nothing on SQLite, where one writer at a time claims alone.
    var claimLocking: String { "" }
}
