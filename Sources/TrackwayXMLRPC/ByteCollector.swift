/// Collects the writer's output chunks.
final class ByteCollector {
    var bytes: [UInt8] = []
}
