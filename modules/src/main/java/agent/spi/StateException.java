package agent.spi;

/** A state failed for a reason the user can act on; its message becomes the state's comment. */
public class StateException extends Exception {

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
