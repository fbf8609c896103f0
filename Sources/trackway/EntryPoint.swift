import TrackwayGateway

/// Starts `trackway`: first lets Swift tasks share NIO's event loop threads (so `serve` answers a
/// request on the thread that read it, without a hop between thread pools), then runs the command.
@main
enum EntryPoint {
    static func main() async {
        Gateway.runSwiftTasksOnEventLoops()
        await Trackway.main()
    }
}
