package io.strongroom.local.iam.api;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.IamDirectory;
import io.strongroom.local.iam.MfaDevices;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Virtual MFA devices: CreateVirtualMFADevice (the only answer that carries the seed),
 * EnableMFADevice with two consecutive codes, ListMFADevices, DeactivateMFADevice,
 * DeleteVirtualMFADevice.
 */
final class MfaActions {

    private static final IamRequest.Spec DEVICE_NAME = IamRequest.Spec.of(1, 226, "[\\w+=,.@-]+");
    private static final IamRequest.Spec SERIAL = IamRequest.Spec.of(9, 256, "[\\w+=/:,.@-]+");
    private static final IamRequest.Spec CODE = IamRequest.Spec.of(6, 6, "[\\d]+");

    private final MfaDevices devices;
    private final IamDirectory iam;

    MfaActions(Accounts accounts) {
        this.devices = accounts.mfa();
        this.iam = accounts.iam();
    }

    String createVirtualMfaDevice(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String name = r.string("VirtualMFADeviceName", true, DEVICE_NAME);
        String path = r.string("Path", false, IamRequest.PATH);
        r.done();
        MfaDevices.Created created = devices.create(ctx.accountId(), path == null ? "/" : path, name, ctx.now());
        // Base32StringSeed is a blob: the Base32 text, Base64-encoded on the wire
        String seed = Base64.getEncoder().encodeToString(created.base32Seed().getBytes(StandardCharsets.US_ASCII));
        return "<VirtualMFADevice>" + Xml.element("SerialNumber", created.serialNumber())
                + Xml.element("Base32StringSeed", seed) + "</VirtualMFADevice>";
    }

    String enableMfaDevice(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String user = r.string("UserName", true, IamRequest.EXISTING_USER_NAME);
        String serial = r.string("SerialNumber", true, SERIAL);
        String code1 = r.string("AuthenticationCode1", true, CODE);
        String code2 = r.string("AuthenticationCode2", true, CODE);
        r.done();
        iam.requireUser(ctx.accountId(), user);
        devices.enable(ctx.accountId(), user, serial, code1, code2, ctx.now());
        return null;
    }

    String listMfaDevices(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String named = r.string("UserName", false, IamRequest.EXISTING_USER_NAME);
        r.marker();
        r.maxItems();
        r.done();
        String user = IamArns.userNameOrCaller(ctx, named, "iam:ListMFADevices", iam);
        List<String> members = new ArrayList<>();
        for (MfaDevices.Device d : devices.list(ctx.accountId(), user)) {
            members.add(Xml.element("UserName", d.userName()) + Xml.element("SerialNumber", d.serialNumber())
                    + Xml.element("EnableDate", IamXml.date(d.enabledAt())));
        }
        return IamXml.list("MFADevices", members) + "<IsTruncated>false</IsTruncated>";
    }

    String deactivateMfaDevice(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String user = r.string("UserName", true, IamRequest.EXISTING_USER_NAME);
        String serial = r.string("SerialNumber", true, SERIAL);
        r.done();
        devices.deactivate(ctx.accountId(), user, serial);
        return null;
    }

    String deleteVirtualMfaDevice(RequestContext ctx, Map<String, String> params) {
        IamRequest r = new IamRequest(params);
        String serial = r.string("SerialNumber", true, SERIAL);
        r.done();
        devices.delete(ctx.accountId(), serial);
        return null;
    }
}
