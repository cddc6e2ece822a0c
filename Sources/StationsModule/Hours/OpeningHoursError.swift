/// Opening hours that cannot be read, with what is wrong and how to write them.
public struct OpeningHoursError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the part at fault.
    public var problem: String

    /// The operator's message: the problem and the form that works.
    public var description: String {
        "\(problem); write hours as 'mon-fri 08:00-20:00; sat,sun 10:00-18:00' (days mon…sun or 周一…周日, ranges with -, "
            + "'daily', several times with commas, 'closed', '24/7'; a time past midnight such as 20:00-02:00 runs into the next day)"
    }
}
