package io.strongroom.local.sts;

import io.strongroom.local.http.QueryService;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.Caller;

import java.util.Map;

/** STS over the query protocol: who am I. */
public final class StsApi {

    public QueryService service() {
        return new QueryService("sts", "sts.amazonaws.com", "https://sts.amazonaws.com/doc/2011-06-15/", Map.of(
                "GetCallerIdentity", new QueryService.Action("GetCallerIdentity", (context, params) -> {
                    Caller caller = context.caller();
                    return Xml.element("UserId", caller.userId()) + Xml.element("Account", caller.accountId())
                            + Xml.element("Arn", caller.arn());
                }, true)));
    }
}
