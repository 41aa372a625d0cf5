import { describe, expect, it } from "vitest";
import { deviceCookieName, deviceNonce, newDeviceCookie } from "./device-cookie";

const SECRET = "unit-test-secret-0123456789abcdef0123";

describe("device cookies", () => {
  it("recognise the cookie issued to this browser for this login", () => {
    const cookie = newDeviceCookie("admin", SECRET);
    expect(deviceNonce("admin", { [cookie.name]: cookie.value }, SECRET)).toBe(cookie.nonce);
  });

  it("give every sign-in a new nonce and every login its own cookie name", () => {
    expect(newDeviceCookie("admin", SECRET).nonce).not.toBe(newDeviceCookie("admin", SECRET).nonce);
    expect(deviceCookieName("admin", SECRET)).not.toBe(deviceCookieName("caller01", SECRET));
    expect(deviceCookieName("admin", SECRET)).not.toContain("admin");
  });

  it("refuse a cookie moved to another login's name, forged, tampered with or signed with another key", () => {
    const cookie = newDeviceCookie("caller01", SECRET);
    const adminName = deviceCookieName("admin", SECRET);
    expect(deviceNonce("admin", { [adminName]: cookie.value }, SECRET)).toBeNull();
    const [nonce, signature] = cookie.value.split(".");
    expect(deviceNonce("caller01", { [cookie.name]: `x${nonce}.${signature}` }, SECRET)).toBeNull();
    expect(deviceNonce("caller01", { [cookie.name]: `${nonce}.${signature}x` }, SECRET)).toBeNull();
    expect(deviceNonce("caller01", { [cookie.name]: `${nonce}.${signature}.${signature}` }, SECRET)).toBeNull();
    expect(deviceNonce("caller01", { [cookie.name]: cookie.value }, `${SECRET}-rotated`)).toBeNull();
    expect(deviceNonce("caller01", {}, SECRET)).toBeNull();
    expect(deviceNonce("caller01", { [cookie.name]: ["a"] }, SECRET)).toBeNull();
  });
});
