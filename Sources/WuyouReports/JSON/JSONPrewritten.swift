/// The opening of an object, written out once as ``JSONBytes`` text at one indentation, for
/// objects that start the same in thousands of reports (a finding's requirement words).
///
/// A sink takes it through ``JSONSink/openObject(prewritten:)`` only where it would write the
/// very same bytes; anywhere else the caller writes the members itself.
public struct JSONPrewritten: Sendable {
    /// `{` and the members, without a closing brace.
    let bytes: [UInt8]
    /// The indentation of the members' lines.
    let memberIndent: Int

    /// Records what `write` writes after opening an object whose members are indented by
    /// `indent` spaces; `write` must open exactly that one object and leave it open.
    public init(indent: Int, write: (inout JSONBytes) -> Void) {
        var sink = JSONBytes(indent: indent - 2, capacity: 1024)
        write(&sink)
        bytes = sink.bytes
        memberIndent = indent
    }
}
