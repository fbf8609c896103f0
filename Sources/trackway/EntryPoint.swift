/// Starts `trackway`. Swift tasks run on Swift's default executor; `serve` moves them onto NIO's
/// event loops itself (`ServeCommand`).
@main
enum EntryPoint {
    static func main() async {
        await Trackway.main()
    }
}
