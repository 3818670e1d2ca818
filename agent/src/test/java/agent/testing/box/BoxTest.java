package agent.testing.box;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests each get a fresh {@link TestBox} parameter. Tagged "box": these run
 * with {@code -Pbox} (bin/test does), need root, unshare and debootstrap, and are skipped with a
 * reason where those are missing (and fail instead when CI=true).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("box")
@ExtendWith(BoxExtension.class)
public @interface BoxTest {

    /** Boxes that boot systemd as their PID 1 ({@code testing/box fresh NAME --systemd}). */
    boolean systemd() default false;
}
