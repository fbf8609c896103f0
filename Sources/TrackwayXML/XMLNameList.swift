import CLibXML2

/// A fixed list of local names that an `XMLPullReader` matches against the names libxml2 holds,
/// without making a Swift string of each name it meets or hashing one.
///
/// ```swift
/// let columns = XMLNameList(["id", "name", "email"])
/// reader.attributes(among: columns) { index, value in fields[index] = value }   // "id" is 0, "name" 1
/// ```
///
/// Made once for a reader's whole document: the names are bucketed by their first byte, so a
/// name is found, or known to be none of them, in a comparison or two.
public struct XMLNameList: Sendable {
    /// The names, in the order given.
    public let names: [String]
    /// Each name's bytes with a terminating NUL, as libxml2 holds names.
    private let cNames: [[UInt8]]
    /// The indexes of the names starting with each byte.
    private let byFirstByte: [[Int]]

    /// A list of `names` (each at most once).
    public init(_ names: some Sequence<String>) {
        self.names = Array(names)
        cNames = self.names.map { Array($0.utf8) + [0] }
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, name) in cNames.enumerated() { buckets[Int(name[0])].append(index) }
        byFirstByte = buckets
    }

    /// The index in `names` of the NUL-terminated name at `name`; nil when it is none of them.
    func index(of name: UnsafePointer<xmlChar>) -> Int? {
        candidates: for index in byFirstByte[Int(name.pointee)] {
            // Both end in NUL, so the loop stops at the shorter one's end at the latest.
            var offset = 0
            for byte in cNames[index] {
                guard name[offset] == byte else { continue candidates }
                if byte == 0 { return index }
                offset += 1
            }
        }
        return nil
    }
}
