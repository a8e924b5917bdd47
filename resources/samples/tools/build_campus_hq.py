#!/usr/bin/env python3
"""Builds resources/samples/campus-hq/run-1 and run-2: the shipped demo site.

How the sample is made (see ../README.md for what is in it):
  1. `statetrace-cli generate --devices 13 --runs 2 --seed 2 --profile lean` writes a campus whose
     captures already carry prompts, `show clock`, `show version`, the port tables, the injected
     incidents (flaps, auth failures, err-disable, STP, PoE and power faults) and the run-2 changes.
     Seven of its capture files (eight devices: four Cisco, two Arista, two FastIron) are kept.
  2. This script fills each device's log buffer with everyday syslog around the incidents (clients
     unplugging and coming back, PoE detection, 802.1X/MAB successes, SSH logins, config saves,
     NTP) so every device shows 205-235 messages, keeps each vendor's buffer order and sequence
     numbers, and rewrites the buffer headers to match.
  3. It applies a few run-2 changes of our own (a VLAN move and a port re-purposed on a Cisco
     access switch, a FastIron port taken out of service), with the config and link lines they
     leave in that run's log.

Deterministic: the same generator build gives byte-identical files.
Usage: build_campus_hq.py --cli build/release/src/statetrace-cli [--out resources/samples/campus-hq]
"""
import argparse
import datetime as dt
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile

SEED = 2
DEVICES = 13
KEEP = [  # generator file -> devices in it
    "HQ-B4-ACC-01.log",       # Cisco WS-C2960X-48FPD-L, IOS 15.2
    "HQ-B3-ACC-01.log",       # Cisco WS-C2960X-24PS-L, IOS 15.2
    "HQ-B1-ACC-02-hop.log",   # Cisco C9300-48P (IOS-XE), then an ssh hop into Arista HQ-DC1-LEAF-02
    "HQ-CORE-DST-01.log",     # Cisco C9500-24Y4C (IOS-XE)
    "HQ-DC1-LEAF-01.log",     # Arista DCS-7050SX3-48YC12
    "HQ-F2-ACC-01.log",       # Ruckus ICX7150-48P
    "HQ-F3-ACC-01.log",       # Ruckus ICX7150-24P
]
YEAR = 2026
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PROMPT = re.compile(r"^(?:\x1b\[[0-9;]*m)*(?:SSH@)?(HQ-[A-Z0-9]+-[A-Z]+-\d\d)[#>]")
NET = "10.10.99"


def vendor_of(host):
    if "-LEAF-" in host:
        return "arista"
    if re.match(r"HQ-F\d-", host):
        return "fastiron"
    return "cisco"


# ---------------------------------------------------------------------------- sessions

class Section:
    """One command's output inside a capture: lines[start:end] (prompt line excluded)."""

    def __init__(self, host, command, start, end):
        self.host, self.command, self.start, self.end = host, command, start, end


def sections(lines):
    found = []
    for i, line in enumerate(lines):
        m = PROMPT.match(line)
        if not m:
            continue
        command = re.sub(r"\x1b\[[0-9;]*m", "", line[m.end():]).strip()
        if found:
            found[-1].end = i
        found.append(Section(m.group(1), command, i + 1, len(lines)))
    return found


def find(secs, host, *commands):
    for s in secs:
        if s.host == host and s.command in commands:
            return s
    raise SystemExit(f"{host}: no {commands[0]} section")


# ---------------------------------------------------------------------------- ports

class Port:
    def __init__(self, name, status, vlan, desc):
        self.name, self.status, self.vlan, self.desc = name, status, vlan, desc

    @property
    def edge(self):
        return self.status == "connected" and not self.desc.startswith(("Po", "uplink", "HQ-", "To "))


def cisco_long(name):
    for short, long in (("Gi", "GigabitEthernet"), ("Te", "TenGigabitEthernet"), ("Twe", "TwentyFiveGigE"),
                        ("Hu", "HundredGigE"), ("Fa", "FastEthernet")):
        if name.startswith(short) and name[len(short)].isdigit():
            return long + name[len(short):]
    return name


def ports_of(vendor, table):
    ports = []
    for line in table:
        if vendor == "cisco":
            if not re.match(r"^(Gi|Te|Twe|Hu)\d", line):
                continue
            ports.append(Port(line[:13].strip(), line[32:45].strip(), line[45:56].strip(), line[13:32].strip()))
        elif vendor == "arista":
            if not re.match(r"^Et\d", line):
                continue
            ports.append(Port(line[:11].strip(), line[40:53].strip(), line[53:62].strip(), line[11:40].strip()))
        else:
            f = line.split()
            if not f or not re.match(r"^\d+/\d+/\d+$", f[0]):
                continue
            status = {"Up": "connected", "Down": "notconnect", "Disable": "disabled"}.get(f[1], f[1])
            ports.append(Port(f[0], status, f[7], " ".join(f[10:])))
    return ports


# ---------------------------------------------------------------------------- log lines

def parse_time(vendor, line):
    if vendor == "cisco":
        m = re.match(r"^\d+: (\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)\.(\d{3})", line)
    elif vendor == "arista":
        m = re.match(r"^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)()", line)
    else:
        m = re.match(r"^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)():", line)
    if not m:
        return None
    ms = int(m.group(6)) if m.group(6) else 0
    return dt.datetime(YEAR, MONTHS.index(m.group(1)) + 1, int(m.group(2)), int(m.group(3)), int(m.group(4)),
                       int(m.group(5)), ms * 1000)


def stamp(vendor, t, host, level="I"):
    mon, day = MONTHS[t.month - 1], t.day
    if vendor == "cisco":
        return f"{mon} {day:>2} {t:%H:%M:%S}.{t.microsecond // 1000:03d} UTC: "
    if vendor == "arista":
        return f"{mon} {day:>2} {t:%H:%M:%S} {host} "
    return f"{mon} {day:>2} {t:%H:%M:%S}:{level}:"


def mac(rng, oui):
    return f"{oui[:4]}.{oui[4:]}{rng.randrange(256):02x}.{rng.randrange(65536):04x}"


class Writer:
    """Formats one device's messages in its vendor's syntax; `xe` adds the IOS-XE sessmgrd prefix."""

    def __init__(self, vendor, host, xe):
        self.vendor, self.host, self.xe = vendor, host, xe
        self.out = []  # (time, text without the Cisco sequence number)

    def add(self, t, text, level="I"):
        self.out.append((t, stamp(self.vendor, t, self.host, level) + text))

    def link(self, t, p, up):
        state = "up" if up else "down"
        if self.vendor == "fastiron":
            self.add(t, f"System: Interface ethernet {p.name}, state {state}")
            return
        long = cisco_long(p.name) if self.vendor == "cisco" else "Ethernet" + p.name[2:]
        prefix = "Ebra: " if self.vendor == "arista" else ""
        first = (f"{prefix}%LINK-3-UPDOWN: Interface {long}, changed state to {state}",
                 f"{prefix}%LINEPROTO-5-UPDOWN: Line protocol on Interface {long}, changed state to {state}")
        a, b = first if up else first[::-1]
        self.add(t, a)
        self.add(t + dt.timedelta(milliseconds=1001 if not up else 1002), b)

    def poe_detect(self, t, p):
        if self.vendor == "cisco":
            # ILPOWER-7-DETECT is a debug message: a buffer at level informational does not keep it.
            self.add(t + dt.timedelta(milliseconds=800), f"%ILPOWER-5-POWER_GRANTED: Interface {p.name}: Power granted")
        elif self.vendor == "fastiron":
            self.add(t, f"PoE: Power enabled on port {p.name}.")

    def auth_ok(self, t, p, client, session):
        if self.vendor == "cisco":
            sess = "Switch 1 R0/0: sessmgrd: " if self.xe else ""
            self.add(t, f"%SESSION_MGR-5-SUCCESS: {sess}Authorization succeeded for client ({client}) on Interface "
                        f"{p.name} AuditSessionID 0A0A63{session:06X}0000{session & 0xffff:04X}")
        elif self.vendor == "arista":
            self.add(t, f"Ebra: %BRIDGE-6-MAC_LEARN: Learned {client} on Interface Ethernet{p.name[2:]}")
        else:
            self.add(t, f"DOT1X: Port {p.name} Mac {client} User {client} - authentication succeeded")

    # Logins come from an engineer (netops, .25) or the nightly config-backup poller (svc-backup, .60).
    def login(self, t, vty, user, host):
        if self.vendor == "cisco":
            ssh = f"from {NET}.{host} (tty = {vty - 2}) using crypto cipher 'aes256-ctr', hmac 'hmac-sha2-256' Succeeded"
            self.add(t - dt.timedelta(milliseconds=420), f"%SSH-5-SSH2_SESSION: SSH2 Session request {ssh}")
            self.add(t, f"%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: {user}] [Source: {NET}.{host}] "
                        f"[localport: 22] at {t:%H:%M:%S} UTC {t:%a %b} {t.day} {t.year}")
        elif self.vendor == "arista":
            self.add(t, f"Aaa: %AAA-6-EXEC_LOGIN: User {user} logged in from {NET}.{host} on vty{vty}")
        else:
            self.add(t, f"Security: SSH login by {user} from src IP {NET}.{host} from src MAC 0050.56ab.10c2 "
                        "to PRIVILEGED EXEC mode")

    def logout(self, t, vty, user, host):
        if self.vendor == "cisco":
            self.add(t, f"%SYS-6-LOGOUT: User {user} has exited tty session {vty}({NET}.{host})")
            self.add(t + dt.timedelta(milliseconds=3), f"%SSH-5-SSH2_CLOSE: SSH2 Session from {NET}.{host} (tty = {vty - 2}) "
                                                       f"for user '{user}' using crypto cipher 'aes256-ctr', hmac "
                                                       "'hmac-sha2-256' closed")
        elif self.vendor == "arista":
            self.add(t, f"Aaa: %AAA-6-EXEC_LOGOUT: User {user} logged out from vty{vty}")
        else:
            self.add(t, f"Security: SSH logout by {user} from src IP {NET}.{host} from src MAC 0050.56ab.10c2 "
                        "from PRIVILEGED EXEC mode")

    def config(self, t, vty=2):
        if self.vendor == "cisco":
            self.add(t, f"%SYS-5-CONFIG_I: Configured from console by netops on vty{vty - 2} ({NET}.25)")
        elif self.vendor == "arista":
            self.add(t, f"ConfigAgent: %SYS-5-CONFIG_I: Configured from console by netops on vty{vty} ({NET}.25)")
        else:
            self.add(t, f"Security: running-config was changed by netops from ssh client {NET}.25")

    def ntp(self, t):
        if self.vendor == "cisco":
            self.add(t, f"%NTP-5-PEERSYNC: NTP synced to peer {NET}.1")
        elif self.vendor == "arista":
            self.add(t, f"ntpd[1987]: %NTP-5-PEER_SYNC: Synchronized to NTP peer {NET}.1")
        else:
            self.add(t, f"NTP: System clock synchronized to {NET}.1")


def background(w, ports, touched, start, end, target, rng, poe):
    """Everyday messages until the buffer holds `target` messages; a port that goes down comes
    back, and no port named by an incident is used."""
    quiet = [p for p in ports if p.edge and p.name not in touched]
    auth = [p for p in quiet if w.vendor == "arista" or re.match(r"(Desk|Phone|Printer)", p.desc)]
    client = {p.name: mac(rng, "7c21e0" if p.desc.startswith(("AP-", "Phone", "Cam")) else
                          "001c73" if w.vendor == "arista" else "d4bed9") for p in quiet}
    busy = {}
    span = (end - start).total_seconds()
    # The config-backup poller logs in at five past every hour, on every device in turn.
    hour = start.replace(minute=5, second=0, microsecond=0)
    offset = dt.timedelta(seconds=sum(map(ord, w.host)) % 50 * 7, milliseconds=rng.randrange(1000))
    while hour + offset < end:
        if hour + offset > start:
            w.login(hour + offset, 2, "svc-backup", 60)
            w.logout(hour + offset + dt.timedelta(seconds=rng.randint(4, 11)), 2, "svc-backup", 60)
        hour += dt.timedelta(hours=1)
    while len(w.out) < target:
        t = start + dt.timedelta(seconds=rng.uniform(0, span), milliseconds=rng.randrange(1000))
        roll = rng.randrange(100)
        p = rng.choice(quiet) if quiet else None
        if roll < 28 and p and w.vendor != "arista" or roll < 6 and p:
            back = t + dt.timedelta(minutes=rng.randint(2, 40), seconds=rng.randint(0, 59))
            if back >= end or any(a - dt.timedelta(minutes=15) < t < b + dt.timedelta(minutes=15)
                                  for a, b in busy.get(p.name, [])):
                continue
            busy.setdefault(p.name, []).append((t, back))
            w.link(t, p, up=False)
            is_poe = poe and p.desc.startswith(("AP-", "Phone", "Cam"))
            if is_poe:
                w.poe_detect(back - dt.timedelta(seconds=3), p)
            w.link(back, p, up=True)
            if p in auth:
                w.auth_ok(back + dt.timedelta(seconds=rng.randint(3, 9)), p, client[p.name], rng.randrange(1 << 24))
        elif roll < 70 and auth:
            q = rng.choice(auth)
            w.auth_ok(t, q, client[q.name], rng.randrange(1 << 24))
        elif roll < 86 or (not quiet and roll < 93):
            vty = rng.randint(3, 4)
            w.login(t, vty, "netops", 25)
            w.logout(min(end, t + dt.timedelta(seconds=rng.randint(20, 900))), vty, "netops", 25)
        elif roll < 95:
            w.config(t)
        else:
            w.ntp(t)


# ---------------------------------------------------------------------------- one device

def event_lines(vendor, body):
    """Indices of the log message lines in a `show logging` output."""
    return [i for i, line in enumerate(body) if parse_time(vendor, line)]


def rebuild_log(vendor, host, body, capture, rng, extra, first_sequence, ports, xe, poe):
    idx = event_lines(vendor, body)
    existing = [(parse_time(vendor, body[i]), re.sub(r"^\d+: ", "", body[i])) for i in idx]
    touched = {p.name for p in ports if any(re.search(rf"(?<![\d/]){re.escape(p.name)}(?![\d/])", text) or
                                           (vendor != "fastiron" and re.search(
                                               rf"{re.escape(cisco_long(p.name) if vendor == 'cisco' else 'Ethernet' + p.name[2:])}(?![\d/])",
                                               text))
                                           for _, text in existing)}
    touched |= {name for name, _ in extra.get("ports", [])}
    w = Writer(vendor, host, xe)
    for t, text in extra.get("lines", []):
        w.out.append((t, stamp(vendor, t, host) + text))
    w.out.extend(existing)
    target = rng.randint(205, 235)
    # A core with no edge ports logs little besides logins: its buffer reaches further back.
    hours = 6 if any(p.edge for p in ports) else 30
    background(w, ports, touched, capture - dt.timedelta(hours=hours), capture - dt.timedelta(minutes=3), target, rng,
               poe)
    messages = sorted(w.out, key=lambda m: m[0])
    if vendor == "fastiron":
        messages.reverse()
        # FastIron prints the level letter in the stamp; keep the generator's and ours.
    first, last = (idx[0], idx[-1]) if idx else (None, None)
    if first is None:
        raise SystemExit(f"{host}: empty log buffer")
    if vendor == "cisco":
        text = [f"{first_sequence + n:06d}: {m[1]}" for n, m in enumerate(messages)]
    else:
        text = [m[1] for m in messages]
    new_body = body[:first] + text + body[last + 1:]
    count = len(messages)
    for i, line in enumerate(new_body[:first]):
        if vendor == "cisco":
            line = re.sub(r"(Buffer logging:  level informational, )\d+", rf"\g<1>{first_sequence + count - 1}", line)
            line = re.sub(r"(Trap logging: level informational, )\d+", rf"\g<1>{first_sequence + count + 16}", line)
            line = re.sub(r"^Log Buffer \(\d+ bytes\):", "Log Buffer (32768 bytes):", line)
        elif vendor == "fastiron":
            line = re.sub(r"(Buffer logging: level ACDMEINW, )\d+", rf"\g<1>{count}", line)
            line = line.replace("Dynamic Log Buffer (50 lines):", "Dynamic Log Buffer (1000 lines):")
        new_body[i] = line
    return new_body, count


def retarget_cisco_row(line, vlan=None, desc=None, status=None, duplex=None, speed=None):
    name, d, s, v, rest = line[:13], line[13:32], line[32:45], line[45:56], line[56:]
    if desc is not None:
        d = f"{desc[:18]:<19}"
    if status is not None:
        s = f"{status:<13}"
    if vlan is not None:
        v = f"{vlan:<11}"
    if duplex is not None:
        rest = f"{duplex:>6} {speed:>6} {rest.split()[-1]}"
    return name + d + s + v + rest


# ---------------------------------------------------------------------------- curated run-2 changes

def curated_changes(run, host, capture):
    """Run-2 changes of our own, on top of the generator's: table edits and the log they leave."""
    if run != 2:
        return {}
    t = lambda h, m, s: capture.replace(hour=h, minute=m, second=s, microsecond=412000)
    if host == "HQ-B4-ACC-01":
        # Gi1/0/30 moves to the GUEST VLAN for a visitor kiosk; Gi1/0/44 (notconnect) becomes a camera.
        return {"cisco_rows": {"Gi1/0/30": dict(vlan="40", desc="Guest kiosk 1F"),
                               "Gi1/0/44": dict(vlan="30", desc="Cam 1F-44", status="connected",
                                                duplex="a-full", speed="a-100")},
                "ports": [("Gi1/0/30", None), ("Gi1/0/44", None)],
                "lines": [(t(7, 41, 5), f"%SYS-5-CONFIG_I: Configured from console by netops on vty0 ({NET}.25)"),
                          (t(7, 40, 51), "%LINK-3-UPDOWN: Interface GigabitEthernet1/0/30, changed state to down"),
                          (t(7, 40, 52), "%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/30, changed state to down"),
                          (t(7, 40, 55), "%LINK-3-UPDOWN: Interface GigabitEthernet1/0/30, changed state to up"),
                          (t(7, 40, 56), "%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/30, changed state to up"),
                          (t(7, 52, 18), "%ILPOWER-7-DETECT: Interface Gi1/0/44: Power Device detected: IEEE PD"),
                          (t(7, 52, 19), "%ILPOWER-5-POWER_GRANTED: Interface Gi1/0/44: Power granted"),
                          (t(7, 52, 21), "%LINK-3-UPDOWN: Interface GigabitEthernet1/0/44, changed state to up"),
                          (t(7, 52, 22), "%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/44, changed state to up")]}
    if host == "HQ-DC1-LEAF-01":
        # The generator re-labels Et48 with an office name; in a data centre it is a server swap.
        return {"arista_desc": {"Et48": "bkp-r02-01 eth0"}}
    if host == "HQ-F3-ACC-01":
        return {"fastiron_rows": {"1/1/6": "Disable"},
                "ports": [("1/1/6", None)],
                "lines": [(t(8, 12, 40), f"Security: running-config was changed by netops from ssh client {NET}.25"),
                          (t(8, 12, 39), "System: Interface ethernet 1/1/6, state down - disabled")]}
    return {}


def apply_rows(vendor, table_lines, changes):
    out = []
    for line in table_lines:
        f = line.split()
        if vendor == "cisco" and f and f[0] in changes.get("cisco_rows", {}):
            line = retarget_cisco_row(line, **changes["cisco_rows"][f[0]])
        if vendor == "arista" and f and f[0] in changes.get("arista_desc", {}):
            line = line[:11] + f"{changes['arista_desc'][f[0]]:<29.28}" + line[40:]
        if vendor == "fastiron" and f and f[0] in changes.get("fastiron_rows", {}):
            link = changes["fastiron_rows"][f[0]]
            line = f"{f[0]:<11}{link:<8}None    None None  None  No  {f[7]:<4} 0   {f[9]}  {' '.join(f[10:])}"
        out.append(line)
    return out


def natural(name):
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", name)]


def residue(line):
    """The pager residue ("--More--" and its backspaces) a paged line starts with, if any."""
    return line[:line.rfind("\b") + 1]


def patch_vlan_brief(body, changes):
    """Moves curated Cisco ports to their new VLAN in `show vlan brief` (4 ports a line, as IOS wraps)."""
    moves = {name: ch["vlan"] for name, ch in changes.get("cisco_rows", {}).items() if "vlan" in ch}
    if not moves:
        return body
    out, rows = [], []  # rows: [prefix, ports]
    for line in body:
        if re.match(r"^\d+ ", line) and len(line) >= 48:
            rows.append([line[:48], [p.strip() for p in line[48:].split(",") if p.strip()]])
        elif line.startswith(" " * 48) and rows:
            rows[-1][1] += [p.strip() for p in line.split(",") if p.strip()]
        else:
            if rows:
                out += render_vlan_rows(rows, moves)
                rows = []
            out.append(line)
    return out + render_vlan_rows(rows, moves)


def render_vlan_rows(rows, moves):
    for row in rows:
        row[1] = [p for p in row[1] if p not in moves]
    for name, vlan in moves.items():
        for row in rows:
            if row[0].split()[0] == vlan:
                row[1] = sorted(row[1] + [name], key=natural)
    text = []
    for prefix, ports in rows:
        chunks = [", ".join(ports[i:i + 4]) for i in range(0, len(ports), 4)] or [""]
        text.append(prefix + chunks[0])
        text += [" " * 48 + c for c in chunks[1:]]
    return text


def patch_config(vendor, body, changes):
    """Carries the curated port changes into the `show running-config` interface stanzas."""
    body = list(body)

    def stanza(header):
        start = next((i for i, l in enumerate(body) if l[len(residue(l)):] == header), None)
        if start is None:
            return None, None
        end = next(i for i in range(start + 1, len(body)) if body[i][len(residue(body[i])):] == "!")
        return start, end

    def set_line(header, key, text, after=None):
        start, end = stanza(header)
        if start is None:
            return
        for i in range(start + 1, end):
            if body[i][len(residue(body[i])):].startswith(key):
                body[i] = residue(body[i]) + text
                return
        body.insert(start + 1 if after is None else end, text)

    for name, ch in changes.get("cisco_rows", {}).items():
        if vendor != "cisco":
            continue
        header = "interface " + cisco_long(name)
        if "desc" in ch:
            set_line(header, " description ", " description " + ch["desc"])
        if "vlan" in ch:
            set_line(header, " switchport access vlan ", " switchport access vlan " + ch["vlan"])
    for name, desc in changes.get("arista_desc", {}).items():
        if vendor == "arista":
            set_line("interface Ethernet" + name[2:], "   description ", "   description " + desc)
    for name, link in changes.get("fastiron_rows", {}).items():
        if vendor == "fastiron" and link == "Disable":
            set_line("interface ethernet " + name, " disable", " disable", after="end")
    return body


def curate(path, run, rng, sequences):
    data = path.read_bytes().decode("utf-8")
    crlf = "\r\n" in data
    lines = data.replace("\r\n", "\n").split("\n")
    secs = sections(lines)
    hosts = []
    for s in secs:
        if s.host not in hosts:
            hosts.append(s.host)
    # Work from the last section backwards so earlier line numbers stay valid.
    edits = []
    for host in hosts:
        vendor = vendor_of(host)
        clock = find(secs, host, "show clock", "sh clock")
        clock_text = next(l for l in lines[clock.start:clock.end] if l.strip())
        if vendor == "arista":
            capture = dt.datetime.strptime(" ".join(clock_text.split()[:5]), "%a %b %d %H:%M:%S %Y")
        else:
            capture = dt.datetime.strptime(" ".join(clock_text.lstrip("*.").split()[2:]) + " " +
                                           clock_text.lstrip("*.").split()[0][:8], "%a %b %d %Y %H:%M:%S")
        table = find(secs, host, "show interfaces status", "sh int status", "show interfaces brief", "sh int br")
        changes = curated_changes(run, host, capture)
        new_table = apply_rows(vendor, lines[table.start:table.end], changes)
        ports = ports_of(vendor, new_table)
        version = "\n".join(lines[find(secs, host, "show version", "sh ver").start:
                                  find(secs, host, "show version", "sh ver").end])
        xe = "IOS XE" in version
        poe = vendor == "fastiron" or (vendor == "cisco" and "C9500" not in version)
        log = find(secs, host, "show logging", "sh log")
        first_seq = None
        if vendor == "cisco":
            m = next(re.match(r"^(\d+): ", l) for l in lines[log.start:log.end] if re.match(r"^\d+: ", l))
            first_seq = sequences.get(host, int(m.group(1)))
        body, count = rebuild_log(vendor, host, lines[log.start:log.end], capture, rng, changes, first_seq,
                                  ports, xe, poe)
        if vendor == "cisco":
            sequences[host] = first_seq + count + rng.randint(900, 2600)  # a day of messages between runs
        edits.append((table, new_table))
        edits.append((log, body))
        if changes:
            config = next((c for c in secs if c.host == host and c.command in ("show running-config", "sh run")), None)
            if config:
                edits.append((config, patch_config(vendor, lines[config.start:config.end], changes)))
            brief = next((c for c in secs if c.host == host and c.command in ("show vlan brief", "sh vlan br")), None)
            if brief and vendor == "cisco":
                edits.append((brief, patch_vlan_brief(lines[brief.start:brief.end], changes)))
        print(f"  {path.parent.name}/{path.name}: {host} ({vendor}) {len(ports)} ports, {count} messages")
    for sec, new in sorted(edits, key=lambda e: -e[0].start):
        lines[sec.start:sec.end] = new
    text = "\n".join(lines)
    if crlf:
        text = text.replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True, help="statetrace-cli built from this tree")
    parser.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parents[1] / "campus-hq"))
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        gen = pathlib.Path(tmp) / "gen"
        subprocess.run([args.cli, "generate", str(gen), "--devices", str(DEVICES), "--runs", "2", "--seed",
                        str(SEED), "--profile", "lean"], check=True, stdout=subprocess.DEVNULL)
        if out.exists():
            shutil.rmtree(out)
        rng = random.Random(20261120)
        sequences = {}
        for run in (1, 2):
            (out / f"run-{run}").mkdir(parents=True)
            for name in KEEP:
                target = out / f"run-{run}" / name
                shutil.copyfile(gen / f"run-{run}" / name, target)
                curate(target, run, rng, sequences)
    return 0


if __name__ == "__main__":
    sys.exit(main())
