import TrackwayCore

/// A value with a canonical byte form in content hashes: strings as length and UTF-8, numbers as
/// eight little-endian bytes, lists as their count then their items.
protocol ContentHashable {
    func addContent(to hasher: inout ContentHasher)
}

extension String: ContentHashable {
    func addContent(to hasher: inout ContentHasher) { hasher.add(self) }
}

extension Int: ContentHashable {
    func addContent(to hasher: inout ContentHasher) { hasher.add(self) }
}

extension Bool: ContentHashable {
    func addContent(to hasher: inout ContentHasher) { hasher.add(self) }
}

extension Optional: ContentHashable where Wrapped == Int {
    func addContent(to hasher: inout ContentHasher) { hasher.add(self) }
}

extension SourceFormat: ContentHashable {
    func addContent(to hasher: inout ContentHasher) { hasher.add(rawValue) }
}

extension MetaEntry: ContentHashable {
    func addContent(to hasher: inout ContentHasher) {
        hasher.add(key)
        hasher.add(value)
    }
}

extension PostTerm: ContentHashable {
    func addContent(to hasher: inout ContentHasher) {
        hasher.add(taxonomy)
        hasher.add(slug)
        hasher.add(name)
    }
}

extension Array: ContentHashable where Element: ContentHashable {
    func addContent(to hasher: inout ContentHasher) {
        hasher.add(count)
        for element in self { element.addContent(to: &hasher) }
    }
}
