package io.strongroom.local.kms;

/**
 * What every class of the KMS API works with: the keys, the lookup of the key a caller named and
 * the paging of listings. One of each is shared by all operations, so a marker one listing issued
 * is opened by the same {@link KmsPaging}.
 */
record KmsParts(KmsKeys keys, KmsKeyFinder finder, KmsPaging paging) {

    KmsParts(KmsKeys keys) {
        this(keys, new KmsKeyFinder(keys), new KmsPaging());
    }
}
