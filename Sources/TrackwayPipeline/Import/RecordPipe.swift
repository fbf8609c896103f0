import Foundation
import TrackwayCore

/// A bounded hand-off of parsed records from the thread that reads an export to the thread that
/// writes them, so libxml2 parsing and SQLite writing run on two cores at once.
///
/// At most `capacity` batches wait at any time, each closed after about `batchBytes` of decompressed input,
/// so memory stays flat whatever the file size. The default 16 batches of 256 KB of input are
/// some 60 ms of parsing: enough for the reader to carry on while the writer sits in a WAL
/// checkpoint. A batch also closes at `batchItems` records: every item takes the room of the
/// largest record (a `Post`, some 650 bytes), and a Movable Type backup's comments, placements
/// and tags are a few hundred bytes of input each, so 256 KB of them made 1,300 items and 16
/// batches held 20 MB (a WXR batch holds a few dozen posts and never meets the cap).
///
/// The writer gives each batch back once written, and the reader frees it: the records' strings
/// were allocated on the reader's thread, and glibc returns a freed block to the arena of the
/// thread that allocated it, under that arena's lock. Freed on the writer's thread, every one
/// contended with the reader's own allocations (some 2,000 futex waits per 100 MB).
///
/// ```swift
/// let pipe = RecordPipe()
/// // reading thread:  try pipe.add(.record(r), bytesRead: file.bytesRead, bytesDecoded: file.bytesDecoded) … pipe.close()
/// // writing thread:  while let batch = pipe.next() { for item in batch.items { … }; pipe.giveBack(batch) }
/// ```
final class RecordPipe: @unchecked Sendable {
    /// What the reader met, in document order.
    enum Item: Sendable {
        /// The file opened as `format`, `totalBytes` long on disk.
        case opened(format: String, totalBytes: Int)
        case record(ImportRecord)
        case warning(String)
        /// Why reading stopped before the end of the file.
        case failed(String)
    }

    /// Items handed over together, with the input position after the last one (for progress).
    struct Batch: Sendable {
        var items: [Item] = []
        var bytesRead = 0
    }

    /// The writer stopped taking batches: the reader should stop too.
    struct Cancelled: Error {}

    private let capacity: Int
    private let batchBytes: Int
    private let batchItems: Int
    // State shared by both threads, guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [Batch] = []
    /// Batches the writer is done with, for the reader to free.
    private var written: [Batch] = []
    private var closed = false
    private var cancelled = false
    // Reader-side state, touched only by the reading thread.
    private var open = Batch()
    private var openDecodedStart = 0

    init(capacity: Int = 16, batchBytes: Int = 256 * 1024, batchItems: Int = 256) {
        self.capacity = capacity
        self.batchBytes = batchBytes
        self.batchItems = batchItems
    }

    /// Reader side: adds `item`; hands the batch over once it holds `batchBytes` of decompressed
    /// input (`bytesDecoded`: a batch of a highly compressed file holds no more records than one of
    /// a plain file) or `batchItems` items, waiting while the pipe is full. `bytesRead` is the input position for
    /// progress. Throws `Cancelled` once the writer gave up.
    func add(_ item: Item, bytesRead: Int, bytesDecoded: Int) throws {
        open.items.append(item)
        open.bytesRead = bytesRead
        if bytesDecoded - openDecodedStart >= batchBytes || open.items.count >= batchItems {
            openDecodedStart = bytesDecoded
            try flush()
        }
    }

    /// Reader side: adds `item` to the open batch without handing it over, for callbacks that
    /// cannot wait or throw (warnings).
    func append(_ item: Item) {
        open.items.append(item)
    }

    /// Reader side: hands over the last batch and tells the writer nothing more comes.
    func close() {
        try? flush()
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Writer side: the next batch, waiting for one; nil once the reader closed and all were taken.
    func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Writer side: hands back a batch it has written, so the reading thread frees it.
    func giveBack(_ batch: consuming Batch) {
        condition.lock()
        written.append(batch)
        condition.unlock()
    }

    /// Writer side: stops the reader at its next hand-over and drops what waits.
    func cancel() {
        condition.lock()
        cancelled = true
        waiting = []
        condition.broadcast()
        condition.unlock()
    }

    private func flush() throws {
        guard !open.items.isEmpty else { return }
        let batch = open
        open = Batch()
        // Freed on this thread once the lock is released.
        var toFree: [Batch] = []
        condition.lock()
        defer {
            condition.unlock()
            toFree.removeAll()
        }
        while waiting.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        waiting.append(batch)
        swap(&toFree, &written)
        condition.broadcast()
    }
}
