package io.strongroom.domain;

/** A function rotation can use, as Lambda's ListFunctions lists it in one scope. */
public record RotationFunctionInfo(Scope scope, String name, String arn, String description) {}
