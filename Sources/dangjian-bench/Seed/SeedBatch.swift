/// One batch of the parallel load: a range of member or case indexes.
enum SeedBatch: Sendable {
    case members(Range<Int>)
    case cases(Range<Int>)
}
