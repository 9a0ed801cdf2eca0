/// The version of wuyou, printed by `wuyou --version` and in every report's footer.
public enum WuyouVersion {
    public static let current = "0.1.0"
}
