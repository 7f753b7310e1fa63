/**
 * What a KMS key protects: which secrets of the estate a key encrypts ({@link io.strongroom.service.keys.KeyUsage}),
 * what a change to it would make unreadable ({@link io.strongroom.service.keys.KeyImpact}), and the keys and
 * secrets of the chosen scopes read together ({@link io.strongroom.service.keys.KeyEstateLoader}).
 */
package io.strongroom.service.keys;
