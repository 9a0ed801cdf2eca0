/// The opening of an object, written out once as ``JSONBytes`` text in one layout, for
/// objects that start the same in thousands of reports (a finding's requirement words).
///
/// A sink takes it through ``JSONSink/openObject(prewritten:)`` only where it would write the
/// very same bytes; anywhere else the caller writes the members itself.
public struct JSONPrewritten: Sendable {
    /// `{` and the members, without a closing brace.
    let bytes: [UInt8]
    /// The layout of the members.
    let members: JSONLayout

    /// Records what `write` writes after opening an object whose members are laid out as
    /// `members`; `write` must open exactly that one object and leave it open.
    public init(members: JSONLayout, write: (inout JSONBytes) -> Void) {
        var sink: JSONBytes
        switch members {
        case .indented(let indent): sink = JSONBytes(indent: indent - 2, capacity: 1024)
        case .oneLine: sink = JSONBytes(layout: .oneLine, capacity: 1024)
        }
        write(&sink)
        bytes = sink.bytes
        self.members = members
    }
}
