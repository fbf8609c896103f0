import CoreMetrics
import Foundation

/// The server's one write connection, on a thread of its own: writes queue up while a
/// transaction commits, then all of them go into the next one (group commit). A caller is
/// answered only after the transaction holding its write has committed, so an answered ping
/// survives a crash of the process; a busy server pays one commit for many pings.
///
/// Each write runs in its own savepoint: one that throws is undone alone and its caller gets
/// the error; the others in the batch commit. A caller that names a `ResumptionExecutor` is
/// resumed there, all of one executor's callers in one hand-over per batch; the others are
/// resumed from the writer thread. On SQLite, checkpoints of the write-ahead log run beside the
/// writer (`WALCheckpointer`), never inside a commit, and while another process holds the write
/// lock the next batch waits for it, however long, rather than fail. On PostgreSQL the batch is
/// one transaction too (one commit to flush for many pings); other nodes' writers commit beside it.
final class StoreWriter: @unchecked Sendable {
    /// Writes committed together at most; bounds the time a batch holds SQLite's write lock.
    static let maxBatch = 256
    /// The recorder of how many writes each commit carried (a histogram in Prometheus).
    static let batchSizeLabel = "trackway_store_commit_batch_size"

    /// One queued write: `perform` runs it on the writer thread and returns how to answer the
    /// caller once the commit is known; `abandon` answers it when no transaction could even begin.
    private struct Job {
        let perform: (PingStore) -> @Sendable (Result<Void, Error>) -> Void
        let abandon: @Sendable (Error) -> Void
        let resumption: (any ResumptionExecutor)?
    }

    /// The writer's connection; only the writer thread uses it once started. On PostgreSQL a
    /// batch that could not begin or commit (the server restarted, the network failed) leaves
    /// a new connection for the next one.
    private var store: PingStore
    private let location: StoreLocation
    /// SQLite's; PostgreSQL checkpoints on its own.
    private let checkpointer: WALCheckpointer?
    private let batchSizes: Recorder
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var closed = false
    private var finished = false

    /// Opens the write connection; each commit's number of writes is recorded into `metrics`.
    init(location: StoreLocation, metrics: any MetricsFactory = NOOPMetricsHandler.instance) throws {
        batchSizes = Recorder(label: Self.batchSizeLabel, aggregate: true, factory: metrics)
        self.location = location
        store = PingStore(database: try Database(location: location))
        if case .sqlite(let path) = location {
            try store.database.setAutoCheckpoint(pages: WALCheckpointer.writerBackstopPages)
            checkpointer = try WALCheckpointer(path: path)
        } else {
            checkpointer = nil
        }
        // Named from inside (on Linux a name set before `start()` does not reach the thread), in
        // at most 15 characters (Linux's limit).
        let thread = Thread { [self] in
            Thread.current.name = "trackway.writer"
            run()
        }
        thread.start()
    }

    /// Queues `body`; returns its result once the batch holding it committed, resumed on
    /// `resumption` when one is given.
    func write<T: Sendable>(
        resumingOn resumption: (any ResumptionExecutor)? = nil, _ body: @escaping @Sendable (PingStore) throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                perform: { store in
                    let outcome = Result { try store.database.transaction { try body(store) } }
                    return { commit in
                        switch commit {
                        case .success: continuation.resume(with: outcome)
                        case .failure(let error): continuation.resume(throwing: error)
                        }
                    }
                },
                abandon: { continuation.resume(throwing: $0) },
                resumption: resumption
            )
            condition.lock()
            if closed {
                condition.unlock()
                continuation.resume(throwing: CancellationError())
                return
            }
            queue.append(job)
            condition.signal()
            condition.unlock()
        }
    }

    /// Refuses new writes, lets the queued ones commit, and waits for the thread to end.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        checkpointer?.close()
    }

    private func run() {
        while let batch = nextBatch() {
            commit(batch)
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for work; nil once closed and drained.
    private func nextBatch() -> [Job]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if closed { return nil }
            condition.wait()
        }
        let batch = Array(queue.prefix(Self.maxBatch))
        queue.removeFirst(batch.count)
        return batch
    }

    private func commit(_ batch: [Job]) {
        let transaction: Transaction
        do {
            transaction = try beginBatchReconnecting()
        } catch {
            Self.resume(batch, with: batch.map { job in { [abandon = job.abandon] in abandon(error) } })
            reconnectToServer()
            return
        }
        let finishers = batch.map { $0.perform(store) }
        let outcome = Result { try transaction.commit() }
        switch outcome {
        case .success: batchSizes.record(batch.count)
        case .failure: try? transaction.rollback()
        }
        Self.resume(batch, with: finishers.map { finish in { finish(outcome) } })
        if case .failure = outcome { reconnectToServer() }
    }

    /// Begins the batch's transaction. While another process holds the write lock past the busy
    /// timeout (an import committing a large batch), it tries again rather than fail every
    /// waiting write: they are answered once the lock is free. Once closed it stops trying, so a
    /// lock never released cannot hold up the end of the process for ever.
    private func beginBatch() throws -> Transaction {
        while true {
            do {
                return try store.database.beginTransaction()
            } catch let error as StoreError where error.isBusy && !isClosed {
                continue
            }
        }
    }

    /// Begins the batch; when the connection lost its server since the last batch (a restart or
    /// a failover that has ended), begins it once more on a new connection, so that the first
    /// writes after an outage are not failed for it.
    private func beginBatchReconnecting() throws -> Transaction {
        do {
            return try beginBatch()
        } catch where store.database.isConnectionLost {
            try reconnect()
            return try beginBatch()
        }
    }

    /// After a failed batch on PostgreSQL, a new connection when one can be had (else the next
    /// batch tries again); a SQLite file's connection does not go away.
    private func reconnectToServer() {
        guard store.database.isPostgres else { return }
        try? reconnect()
    }

    private func reconnect() throws {
        store = PingStore(database: try Database(location: location))
    }

    private var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    /// Runs each job's resumption on its executor, one hand-over per executor in batch order; a
    /// job without one is resumed at once.
    private static func resume(_ batch: [Job], with resumptions: [@Sendable () -> Void]) {
        var byExecutor: [ObjectIdentifier: (executor: any ResumptionExecutor, resumptions: [@Sendable () -> Void])] = [:]
        for (job, resumption) in zip(batch, resumptions) {
            guard let executor = job.resumption, let id = executor.executorID else {
                resumption()
                continue
            }
            byExecutor[id, default: (executor, [])].resumptions.append(resumption)
        }
        for (executor, group) in byExecutor.values {
            executor.run { for resumption in group { resumption() } }
        }
    }
}
