/// Bounds on evaluating a checklist's XPath against a survey.
public enum XPathLimits {
    /// libxml2 XPath operations per expression: a real rule needs a few thousand; this stops a
    /// quadratic expression over a large survey in well under a second.
    public static let operations: UInt = 2_000_000
}
