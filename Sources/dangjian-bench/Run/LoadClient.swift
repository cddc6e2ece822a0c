import Dispatch

/// One load client: a socket connection on its own thread that sends the generator's requests
/// until the deadline, `pipeline` requests at a time, and times each reply from the moment its
/// batch was sent.
///
/// The same code drives the daemon's control socket and the reference Redis server (whose
/// inline commands end in CRLF): only the framing of replies and the line ending differ.
/// Commands answered before the warm-up ends (the connection's first prepared statements,
/// cold caches) are not counted. Each client is used by its one thread only.
final class LoadClient<Framing: ReplyFraming>: @unchecked Sendable {
    let index: Int
    let socketPath: String
    private var generator: RequestGenerator
    private let framing: Framing
    private let lineEnd: String
    let pipeline: Int
    let warmupEnds: UInt64
    let deadline: UInt64

    init(
        index: Int, socketPath: String, framing: Framing, lineEnd: String = "\n", generator: RequestGenerator, pipeline: Int, warmupEnds: UInt64,
        deadline: UInt64
    ) {
        self.index = index
        self.socketPath = socketPath
        self.framing = framing
        self.lineEnd = lineEnd
        self.generator = generator
        self.pipeline = pipeline
        self.warmupEnds = warmupEnds
        self.deadline = deadline
    }

    /// Runs until the deadline and returns what it saw.
    func run() -> ClientTally {
        var tally = ClientTally()
        let client: UnixStreamClient<Framing>
        do {
            client = try UnixStreamClient(path: socketPath, framing: framing)
        } catch {
            tally.connectionFailures.append("client \(index): \(error)")
            return tally
        }
        var batch: [RequestGenerator.Request] = []
        batch.reserveCapacity(pipeline)
        do {
            while DispatchTime.now().uptimeNanoseconds < deadline {
                batch.removeAll(keepingCapacity: true)
                var text = ""
                for _ in 0..<pipeline {
                    let request = generator.next()
                    batch.append(request)
                    text += request.line + lineEnd
                }
                let sent = DispatchTime.now().uptimeNanoseconds
                try client.send(text)
                for request in batch {
                    let reply = try client.nextReply()
                    let answered = DispatchTime.now().uptimeNanoseconds
                    generator.observe(request.kind, reply: reply, caseID: request.caseID)
                    if sent >= warmupEnds {
                        tally.record(request.kind, reply: reply, microseconds: (answered - sent) / 1_000)
                    }
                }
            }
        } catch {
            tally.connectionFailures.append("client \(index): \(error)")
        }
        return tally
    }
}
