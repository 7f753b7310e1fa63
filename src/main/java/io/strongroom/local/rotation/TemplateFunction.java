package io.strongroom.local.rotation;

import java.util.Optional;

/**
 * The shape every AWS rotation template shares, so that a function only says how to make the new
 * value and how to set and test it on its target:
 * <ul>
 *   <li>createSecret: unless the token's version already holds a value (a retried step), make the
 *       new value from AWSCURRENT's and store it as AWSPENDING;</li>
 *   <li>setSecret and testSecret: the function's own;</li>
 *   <li>finishSecret: move AWSCURRENT to the token's version.</li>
 * </ul>
 */
public abstract class TemplateFunction implements RotationFunction {

    @Override
    public final void run(RotationStep step, RotationContext ctx) throws RotationException {
        switch (step) {
            case CREATE_SECRET -> createSecret(ctx);
            case SET_SECRET -> setSecret(ctx);
            case TEST_SECRET -> testSecret(ctx);
            case FINISH_SECRET -> ctx.finish();
        }
    }

    private void createSecret(RotationContext ctx) throws RotationException {
        String current = ctx.valueAt("AWSCURRENT")
                .orElseThrow(() -> new RotationException("The secret has no AWSCURRENT version with a SecretString to rotate from."));
        if (ctx.pendingValue().isPresent()) {
            return;
        }
        ctx.putPending(newValue(current, ctx));
    }

    /** The pending version's value, made from the current one (never logged, never in a message). */
    protected abstract String newValue(String current, RotationContext ctx) throws RotationException;

    /** Makes the target accept the pending value. */
    protected abstract void setSecret(RotationContext ctx) throws RotationException;

    /** Proves the pending value works on the target. */
    protected abstract void testSecret(RotationContext ctx) throws RotationException;

    /** The pending value, which setSecret and testSecret need: refused when createSecret left none. */
    protected static String pending(RotationContext ctx) throws RotationException {
        Optional<String> v = ctx.pendingValue();
        if (v.isEmpty()) {
            throw new RotationException("No AWSPENDING version with the rotation's token exists; createSecret has not run.");
        }
        return v.get();
    }
}
