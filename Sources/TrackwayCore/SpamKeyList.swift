/// A key list (`moderation-keys`, `disallowed-keys`) ready to match: its keys in the owner's
/// order, and an Aho-Corasick automaton over their case-folded bytes, so a ping's texts are read
/// once however long the list is (WordPress's lists run to tens of thousands of lines).
///
/// ```swift
/// let list = SpamKeyList(SpamRules.entries("casino\nviagra"))
/// list.firstMatch(in: ["Peer Blog", "Best VIAGRA"])?.line   // "viagra"
/// ```
public struct SpamKeyList: Sendable, Equatable {
    public let keys: [SpamKey]
    /// Node `n`'s edges are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]`, sorted, leading to `edgeTargets`.
    private let edgeStart: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let failure: [Int32]
    /// The lowest key index that ends at the node, itself or through its failure links; -1 for none.
    private let firstKey: [Int32]

    public init(_ lines: [String]) {
        keys = lines.map(SpamKey.init)
        var children: [[UInt8: Int32]] = [[:]]
        var ending: [Int32] = [-1]
        for (index, key) in keys.enumerated() {
            var node = 0
            for byte in key.folded.utf8 {
                if let next = children[node][byte] {
                    node = Int(next)
                } else {
                    children.append([:])
                    ending.append(-1)
                    children[node][byte] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            if ending[node] < 0 { ending[node] = Int32(index) }
        }
        var edgeStart: [Int32] = []
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        for node in children {
            edgeStart.append(Int32(edgeBytes.count))
            for (byte, target) in node.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
        }
        edgeStart.append(Int32(edgeBytes.count))
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        // Breadth first, so a node's failure target is finished before the node.
        var failure = [Int32](repeating: 0, count: children.count)
        var firstKey = ending
        var queue = Array(children[0].values)
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for (byte, child) in children[node] {
                var fallback = Int(failure[node])
                while node != 0, fallback != 0, children[fallback][byte] == nil { fallback = Int(failure[fallback]) }
                let target = node == 0 ? 0 : Int(children[fallback][byte] ?? 0)
                failure[Int(child)] = Int32(target)
                let inherited = firstKey[target]
                if inherited >= 0, firstKey[Int(child)] < 0 || inherited < firstKey[Int(child)] { firstKey[Int(child)] = inherited }
                queue.append(child)
            }
        }
        self.failure = failure
        self.firstKey = firstKey
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// The first key, in the list's order, that occurs in one of `texts`, matched as WordPress
    /// matches (`SpamKey.caseFolded` on both sides).
    public func firstMatch(in texts: [String]) -> SpamKey? {
        guard !keys.isEmpty else { return nil }
        // No key holds a newline (the list is split at them), so none can match across this join.
        var bytes: [UInt8] = []
        for text in texts where !text.isEmpty {
            SpamKey.appendCaseFolded(text, to: &bytes)
            bytes.append(0x0A)
        }
        var node = 0
        var best = Int32.max
        for byte in bytes {
            while true {
                if let next = child(of: node, byte) {
                    node = next
                    break
                }
                if node == 0 { break }
                node = Int(failure[node])
            }
            let found = firstKey[node]
            if found >= 0, found < best {
                best = found
                if best == 0 { break }
            }
        }
        return best == Int32.max ? nil : keys[Int(best)]
    }

    private func child(of node: Int, _ byte: UInt8) -> Int? {
        let start = Int(edgeStart[node])
        let end = Int(edgeStart[node + 1])
        for edge in start..<end where edgeBytes[edge] >= byte {
            return edgeBytes[edge] == byte ? Int(edgeTargets[edge]) : nil
        }
        return nil
    }

    public static func == (left: SpamKeyList, right: SpamKeyList) -> Bool {
        left.keys == right.keys
    }
}
