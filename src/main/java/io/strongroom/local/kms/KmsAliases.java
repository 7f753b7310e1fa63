package io.strongroom.local.kms;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.kms.KmsKeyFinder.Naming;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasResponse;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasResponse;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import static io.strongroom.local.kms.KmsKeyFinder.aliasNotFound;
import static io.strongroom.local.kms.KmsKeyFinder.now;
import static io.strongroom.local.kms.KmsKeyFinder.requireNotPendingDeletion;
import static io.strongroom.local.kms.KmsKeyFinder.validOptionalKeyId;
import static io.strongroom.local.kms.KmsPaging.validPage;

/**
 * KMS's aliases: CreateAlias, UpdateAlias, DeleteAlias and ListAliases. Customer aliases only are
 * made, moved and deleted; the predefined {@code alias/aws/secretsmanager} is listed before its
 * AWS managed key exists.
 */
final class KmsAliases {

    private static final String ALIAS_PREFIX = "alias/";
    private static final String RESERVED_ALIAS_PREFIX = "alias/aws/";
    private static final Pattern ALIAS_NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");

    private static final int ALIAS_PAGE_MAX = 100;
    private static final int ALIAS_LIMIT_DEFAULT = 50;

    private final KmsParts parts;

    KmsAliases(KmsParts parts) {
        this.parts = parts;
    }

    SdkPojo createAlias(RequestContext ctx, CreateAliasRequest request) {
        validAliasName(request.aliasName()).notNull("targetKeyId", request.targetKeyId())
                .length("targetKeyId", request.targetKeyId(), 1, 2048).orThrow();
        requireCustomerAliasName(request.aliasName());
        String aliasArn = aliasArn(ctx, request.aliasName());
        parts.finder().access().authorizeAlias(ctx, "CreateAlias", aliasArn);
        if (parts.keys().alias(ctx.accountId(), ctx.region(), request.aliasName()).isPresent()) {
            throw KmsErrors.alreadyExists("An alias with the name " + aliasArn + " already exists");
        }
        KmsKey target = aliasTarget(ctx, "CreateAlias", request.targetKeyId());
        if (!parts.keys().createAlias(ctx.accountId(), ctx.region(), request.aliasName(), target.keyId(), now(ctx))) {
            throw KmsErrors.alreadyExists("An alias with the name " + aliasArn + " already exists");
        }
        return CreateAliasResponse.builder().build();
    }

    /** Needs kms:UpdateAlias on the alias, on the key it points at now and on its new key, as KMS requires. */
    SdkPojo updateAlias(RequestContext ctx, UpdateAliasRequest request) {
        validAliasName(request.aliasName()).notNull("targetKeyId", request.targetKeyId())
                .length("targetKeyId", request.targetKeyId(), 1, 2048).orThrow();
        requireCustomerAliasName(request.aliasName());
        String aliasArn = aliasArn(ctx, request.aliasName());
        parts.finder().access().authorizeAlias(ctx, "UpdateAlias", aliasArn);
        KmsKeys.Alias alias = parts.keys().alias(ctx.accountId(), ctx.region(), request.aliasName())
                .orElseThrow(() -> aliasNotFound(aliasArn));
        parts.finder().key(ctx, "UpdateAlias", alias.targetKeyId(), Naming.KEY);
        KmsKey target = aliasTarget(ctx, "UpdateAlias", request.targetKeyId());
        if (!parts.keys().updateAlias(ctx.accountId(), ctx.region(), request.aliasName(), target.keyId(), now(ctx))) {
            throw aliasNotFound(aliasArn);
        }
        return UpdateAliasResponse.builder().build();
    }

    /** Needs kms:DeleteAlias on the alias and on its key, as KMS requires. */
    SdkPojo deleteAlias(RequestContext ctx, DeleteAliasRequest request) {
        validAliasName(request.aliasName()).orThrow();
        requireCustomerAliasName(request.aliasName());
        String aliasArn = aliasArn(ctx, request.aliasName());
        parts.finder().access().authorizeAlias(ctx, "DeleteAlias", aliasArn);
        KmsKeys.Alias alias = parts.keys().alias(ctx.accountId(), ctx.region(), request.aliasName())
                .orElseThrow(() -> aliasNotFound(aliasArn));
        parts.finder().key(ctx, "DeleteAlias", alias.targetKeyId(), Naming.KEY);
        if (!parts.keys().deleteAlias(ctx.accountId(), ctx.region(), request.aliasName())) {
            throw aliasNotFound(aliasArn);
        }
        return DeleteAliasResponse.builder().build();
    }

    SdkPojo listAliases(RequestContext ctx, ListAliasesRequest request) {
        validPage(validOptionalKeyId(request.keyId()), request.limit(), request.marker()).orThrow();
        List<AliasListEntry> entries = new ArrayList<>();
        String listedKey = null;
        if (request.keyId() != null) {
            KmsKey key = parts.finder().ownKey(ctx, "ListAliases", request.keyId());
            listedKey = key.arn();
            for (KmsKeys.Alias a : parts.keys().aliases(ctx.accountId(), ctx.region())) {
                if (a.targetKeyId().equals(key.keyId())) entries.add(entry(a));
            }
        } else {
            boolean predefinedInUse = false;
            for (KmsKeys.Alias a : parts.keys().aliases(ctx.accountId(), ctx.region())) {
                entries.add(entry(a));
                predefinedInUse |= KmsKeys.SECRETS_MANAGER_ALIAS.equals(a.aliasName());
            }
            if (!predefinedInUse) {
                // As in KMS, a predefined AWS alias is listed before its AWS managed key exists, without a target.
                entries.add(AliasListEntry.builder().aliasName(KmsKeys.SECRETS_MANAGER_ALIAS)
                        .aliasArn(aliasArn(ctx, KmsKeys.SECRETS_MANAGER_ALIAS)).build());
            }
        }
        entries.sort(Comparator.comparing(AliasListEntry::aliasName));
        int limit = Math.min(request.limit() == null ? ALIAS_LIMIT_DEFAULT : request.limit(), ALIAS_PAGE_MAX);
        List<String> binding = new ArrayList<>(1);
        binding.add(listedKey);                 // null (all aliases) is distinct from any key
        KmsPaging.Page<AliasListEntry> page = parts.paging().page(ctx, "ListAliases", binding, entries, AliasListEntry::aliasName,
                request.marker(), limit);
        return ListAliasesResponse.builder().aliases(page.items()).nextMarker(page.nextMarker())
                .truncated(page.nextMarker() != null).build();
    }

    private static AliasListEntry entry(KmsKeys.Alias a) {
        return AliasListEntry.builder().aliasName(a.aliasName()).aliasArn(a.arn()).targetKeyId(a.targetKeyId())
                .creationDate(a.createdAt()).lastUpdatedDate(a.updatedAt()).build();
    }

    private static Validator validAliasName(String aliasName) {
        return Validator.check().notNull("aliasName", aliasName).length("aliasName", aliasName, 1, 256)
                .pattern("aliasName", aliasName, ALIAS_NAME);
    }

    /** Alias names as CreateAlias, UpdateAlias and DeleteAlias accept them: customer aliases only. */
    private static void requireCustomerAliasName(String aliasName) {
        if (!aliasName.startsWith(ALIAS_PREFIX)) {
            throw AwsException.validation("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (aliasName.startsWith(RESERVED_ALIAS_PREFIX)) {
            throw KmsErrors.notAuthorized("The alias " + aliasName + " begins with alias/aws/, which is reserved for AWS managed keys.");
        }
        if (aliasName.length() == ALIAS_PREFIX.length()) {
            throw KmsErrors.invalidAliasName("Alias must include a name after the prefix \"alias/\".");
        }
        if (aliasName.indexOf(':') >= 0) {
            throw KmsErrors.invalidAliasName(aliasName + " contains invalid characters for an alias");
        }
    }

    /**
     * The key an alias is pointed at: a key of this account and Region named by key ID or key ARN,
     * whose key policy allows {@code kms:ACTION} (an AWS managed key's policy never does).
     */
    private KmsKey aliasTarget(RequestContext ctx, String action, String reference) {
        if (reference.startsWith(ALIAS_PREFIX) || reference.startsWith("arn:") && reference.contains(":alias/")) {
            throw AwsException.validation("Aliases must refer to keys. Not aliases");
        }
        KmsKey target = parts.finder().key(ctx, action, reference, Naming.KEY);
        requireNotPendingDeletion(target);
        return target;
    }

    private static String aliasArn(RequestContext ctx, String aliasName) {
        return "arn:aws:kms:" + ctx.region() + ":" + ctx.accountId() + ":" + aliasName;
    }
}
