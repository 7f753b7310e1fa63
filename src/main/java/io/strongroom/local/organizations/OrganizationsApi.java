package io.strongroom.local.organizations;

import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.DescribeAccountRequest;
import software.amazon.awssdk.services.organizations.model.DescribeAccountResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.Root;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** AWS Organizations over JSON 1.1 for the local organization (see the package documentation). */
public final class OrganizationsApi {

    /** ListAccounts' MaxResults: 1 to 20, AWS's limit. */
    static final int MAX_RESULTS = 20;

    private final LocalOrganization organization;

    public OrganizationsApi(Accounts accounts) {
        this.organization = new LocalOrganization(accounts);
    }

    /** Creates each member account's OrganizationAccountAccessRole that is missing. */
    public void ensureAccessRoles() {
        organization.ensureAccessRoles();
    }

    public JsonService service() {
        return JsonService.builder("organizations", "AWSOrganizationsV20161128", "organizations.amazonaws.com")
                .read("DescribeOrganization", DescribeOrganizationRequest::builder, this::describeOrganization)
                .read("ListAccounts", ListAccountsRequest::builder, this::listAccounts)
                .read("DescribeAccount", DescribeAccountRequest::builder, this::describeAccount)
                .read("ListRoots", ListRootsRequest::builder, this::listRoots)
                .build();
    }

    private DescribeOrganizationResponse describeOrganization(RequestContext context, DescribeOrganizationRequest request) {
        LocalAccount management = organization.management();
        return DescribeOrganizationResponse.builder().organization(Organization.builder()
                .id(organization.id())
                .arn(organization.arn())
                .featureSet("ALL")
                .masterAccountId(management.accountId())
                .masterAccountArn(organization.accountArn(management.accountId()))
                .masterAccountEmail(LocalOrganization.email(management))
                .build()).build();
    }

    private ListAccountsResponse listAccounts(RequestContext context, ListAccountsRequest request) {
        requireManagement(context);
        Integer max = request.maxResults();
        if (max != null && (max < 1 || max > MAX_RESULTS)) {
            throw invalidInput("INVALID_RANGE", "You provided a value that is outside the allowed range for MaxResults.");
        }
        List<LocalAccount> members = organization.members();
        int from = start(request.nextToken(), members.size());
        int to = Math.min(members.size(), from + (max == null ? MAX_RESULTS : max));
        return ListAccountsResponse.builder()
                .accounts(members.subList(from, to).stream().map(this::account).toList())
                .nextToken(to < members.size() ? token(to) : null)
                .build();
    }

    private DescribeAccountResponse describeAccount(RequestContext context, DescribeAccountRequest request) {
        requireManagement(context);
        String id = request.accountId();
        if (id == null || !id.matches("\\d{12}")) {
            throw invalidInput("INVALID_PATTERN", "You specified an invalid value for AccountId.");
        }
        LocalAccount account = organization.members().stream().filter(a -> a.accountId().equals(id)).findFirst()
                .orElseThrow(() -> new AwsException("AccountNotFoundException", 400,
                        "You specified an account that doesn't exist."));
        return DescribeAccountResponse.builder().account(account(account)).build();
    }

    private ListRootsResponse listRoots(RequestContext context, ListRootsRequest request) {
        requireManagement(context);
        return ListRootsResponse.builder().roots(Root.builder().id(organization.rootId()).arn(organization.rootArn()).name("Root")
                .build()).build();
    }

    private Account account(LocalAccount account) {
        boolean management = account.accountId().equals(organization.management().accountId());
        return Account.builder()
                .id(account.accountId())
                .arn(organization.accountArn(account.accountId()))
                .email(LocalOrganization.email(account))
                .name(account.alias())
                .status("ACTIVE")
                .state("ACTIVE")
                .joinedMethod(management ? "INVITED" : "CREATED")
                .build();
    }

    /** Only the management account may list and describe the organization's accounts (no delegated administrators here). */
    private void requireManagement(RequestContext context) {
        if (!context.accountId().equals(organization.management().accountId())) {
            throw new AwsException("AccessDeniedException", 400, "You don't have permissions to access this resource.");
        }
    }

    private static AwsException invalidInput(String reason, String message) {
        return new AwsException("InvalidInputException", 400, message);
    }

    private static int start(String nextToken, int size) {
        if (nextToken == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            int from = text.startsWith("accounts:") ? Integer.parseInt(text.substring("accounts:".length())) : -1;
            if (from >= 0 && from <= size) {
                return from;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw invalidInput("INVALID_NEXT_TOKEN", "You specified an invalid value for nextToken.");
    }

    private static String token(int from) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("accounts:" + from).getBytes(StandardCharsets.UTF_8));
    }
}
