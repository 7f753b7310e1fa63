package io.strongroom.local.rotation;

/**
 * The four steps of Secrets Manager's rotation protocol, in the order they run, with the
 * {@code Step} value a rotation Lambda receives for each.
 */
public enum RotationStep {
    CREATE_SECRET("createSecret"),
    SET_SECRET("setSecret"),
    TEST_SECRET("testSecret"),
    FINISH_SECRET("finishSecret");

    private final String wireName;

    RotationStep(String wireName) {
        this.wireName = wireName;
    }

    /** The name AWS passes a rotation function ({@code createSecret}, ...). */
    public String wireName() {
        return wireName;
    }
}
