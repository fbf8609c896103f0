extension Statement {
    /// Binds an argument list built at run time and runs the statement to completion.
    func run(arguments: [any SQLBindable]) throws {
        try bind(arguments)
        while try step() {}
    }
}
