package agent.host;

/** Owner, group and permission bits to give a path; null leaves that part as it is. */
public record Ownership(Integer uid, Integer gid, Integer mode) {

    public static final Ownership UNCHANGED = new Ownership(null, null, null);

    public static Ownership ofMode(int mode) {
        return new Ownership(null, null, mode);
    }

    /** This ownership, filling each unset part from what the path has now. */
    public Ownership orElse(FileStat current) {
        if (!current.exists()) {
            return this;
        }
        return new Ownership(uid != null ? uid : current.uid(), gid != null ? gid : current.gid(),
                mode != null ? mode : current.permissions());
    }
}
