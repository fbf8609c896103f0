/// Hashes a record's key and content columns and its children in their declared order.
private struct HashingVisitor<Record>: RecordColumnVisitor {
    typealias Failure = Never
    let keptCommentHashes: [ContentHash]
    /// The session's hasher, swapped in for the walk so its staging buffer is not copied.
    var hasher = ContentHasher()

    @inline(__always)
    mutating func key<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) {
        record[keyPath: field].addContent(to: &hasher)
    }

    @inline(__always)
    mutating func column<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) {
        record[keyPath: field].addContent(to: &hasher)
    }

    @inline(__always)
    mutating func children<Value: ContentHashable>(_ field: KeyPath<Record, Value>, of record: Record) {
        record[keyPath: field].addContent(to: &hasher)
    }

    @inline(__always)
    mutating func commentHashes() {
        hasher.add(keptCommentHashes.count)
        for commentHash in keptCommentHashes { hasher.add(commentHash) }
    }
}

extension ContentHasher {
    /// The hash of `record` as its column table declares it; `commentHashes` are a post's kept
    /// comments' hashes. Changing a declaration makes every stored record look changed on the
    /// next import, so a change comes with a new `hashTag` version.
    @inline(__always)
    mutating func hash<Record: StoredRecord>(_ record: Record, commentHashes: [ContentHash] = []) -> ContentHash {
        begin(Record.hashTag)
        var visitor = HashingVisitor<Record>(keptCommentHashes: commentHashes)
        swap(&self, &visitor.hasher)
        Record.visitColumns(&visitor, of: record)
        swap(&self, &visitor.hasher)
        return finish()
    }
}
