/// The `capacity` entries with the largest scores seen so far, kept in a min-heap so that a stream of
/// any length needs memory for `capacity` entries only. Ties go to the entry recorded first, so the
/// ranking does not depend on anything but the order of the rows.
public struct RankedList<Entry: Sendable>: Sendable {
    private struct Slot: Sendable {
        var score: Double
        var order: Int
        var entry: Entry

        func ranksBelow(_ other: Slot) -> Bool { RankedList.ranks(score, order, below: other.score, other.order) }
    }

    public let capacity: Int
    /// Min-heap: the lowest-ranked kept entry at index 0.
    private var heap: [Slot] = []

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    public var count: Int { heap.count }

    /// Whether an entry with this score, recorded as the `order`-th, would be kept: ask before building
    /// an entry, so that rows that do not rank cost nothing.
    public func accepts(score: Double, order: Int) -> Bool {
        guard capacity > 0 else { return false }
        guard heap.count == capacity else { return true }
        return Self.ranks(heap[0].score, heap[0].order, below: score, order)
    }

    /// A smaller score ranks lower; of equal scores, the one recorded later.
    private static func ranks(_ score: Double, _ order: Int, below otherScore: Double, _ otherOrder: Int) -> Bool {
        score < otherScore || (score == otherScore && order > otherOrder)
    }

    /// Keeps `entry` if it ranks among the `capacity` largest scores; `make` runs only then.
    public mutating func offer(score: Double, order: Int, _ make: () -> Entry) {
        guard accepts(score: score, order: order) else { return }
        let slot = Slot(score: score, order: order, entry: make())
        if heap.count < capacity {
            heap.append(slot)
            siftUp(heap.count - 1)
        } else {
            heap[0] = slot
            siftDown(0)
        }
    }

    /// The kept entries with their scores, the largest first (earlier rows first on ties).
    public var ranked: [(score: Double, entry: Entry)] {
        heap.sorted { $1.ranksBelow($0) }.map { ($0.score, $0.entry) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].ranksBelow(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var lowest = parent
            if left < heap.count, heap[left].ranksBelow(heap[lowest]) { lowest = left }
            if right < heap.count, heap[right].ranksBelow(heap[lowest]) { lowest = right }
            guard lowest != parent else { return }
            heap.swapAt(parent, lowest)
            parent = lowest
        }
    }
}
