"""Fabric states and credentials shared by the live tests (imported as a plain module)."""

from __future__ import annotations

from zoneplan.live.credentials import Credential, Secret
from zoneplan.observed import Login, Port, SwitchIdentity, SwitchState, Zone, ZoneDb, ZoneStatus

PASSWORD = "Tr0ub4dor&3-zp"  # the known password grepped for in every output


def brocade_state(name: str = "swA1") -> SwitchState:
    """A small Brocade switch: 3 ports, 2 logins, one alias, one zone, cfg effective."""
    st = SwitchState(
        identity=SwitchIdentity(name=name, domain=1, wwn="10:00:00:05:33:00:00:01"),
        vendor="brocade",
    )
    st.ports["0"] = Port(name="0", index=0, state="Online", type="F-Port")
    st.ports["1"] = Port(name="1", index=1, state="Online", type="F-Port")
    st.ports["2"] = Port(name="2", index=2, state="No_Light")
    st.add_login(
        Login(
            wwpn="10:00:00:10:9b:00:00:01",
            wwnn="20:00:00:10:9b:00:00:01",
            port="0",
            fcid="0x010000",
            switch=name,
        )
    )
    st.add_login(
        Login(
            wwpn="50:01:43:80:12:0e:2b:60",
            wwnn="50:01:43:80:12:0e:2b:61",
            port="1",
            fcid="0x010100",
            switch=name,
        )
    )
    z = st.zoning_for(0)
    z.defined = ZoneDb(
        aliases={"esx01_hba0": ["10:00:00:10:9b:00:00:01"]},
        zones={"z_esx01__san1": Zone("z_esx01__san1", ["esx01_hba0", "50:01:43:80:12:0e:2b:60"])},
        configs={"cfg_A": ["z_esx01__san1"]},
        effective="cfg_A",
    )
    z.effective = ZoneDb(
        zones={
            "z_esx01__san1": Zone(
                "z_esx01__san1", ["10:00:00:10:9b:00:00:01", "50:01:43:80:12:0e:2b:60"]
            )
        },
        configs={"cfg_A": ["z_esx01__san1"]},
        effective="cfg_A",
    )
    return st


def cisco_state(name: str = "mdsB1", vsan: int = 20) -> SwitchState:
    """A small MDS: 2 ports in one VSAN, device-aliases, one zone set with two zones."""
    st = SwitchState(identity=SwitchIdentity(name=name), vendor="cisco")
    st.ports["fc1/1"] = Port(name="fc1/1", state="up", vsan=vsan)
    st.ports["fc1/2"] = Port(name="fc1/2", state="up", vsan=vsan)
    st.add_login(
        Login(
            wwpn="10:00:00:10:9b:00:00:02",
            wwnn="20:00:00:10:9b:00:00:02",
            port="fc1/1",
            fcid="0x0b0000",
            vsan=vsan,
            switch=name,
        )
    )
    st.add_login(
        Login(
            wwpn="50:01:43:80:12:0e:2b:62",
            wwnn="50:01:43:80:12:0e:2b:63",
            port="fc1/2",
            fcid="0x0b0100",
            vsan=vsan,
            switch=name,
        )
    )
    st.device_aliases.update(
        {"esx01_hba1": "10:00:00:10:9b:00:00:02", "san1_p1": "50:01:43:80:12:0e:2b:62"}
    )
    z = st.zoning_for(vsan)
    zones = {
        "z_esx01__san1": Zone("z_esx01__san1", ["esx01_hba1", "san1_p1"]),
        "z_legacy": Zone("z_legacy", ["21:00:00:24:ff:0c:58:37", "fcid 0x0b0200"]),
    }
    z.defined = ZoneDb(zones=dict(zones), configs={"zs_B": list(zones)}, effective="zs_B")
    z.effective = ZoneDb(
        zones={"z_esx01__san1": zones["z_esx01__san1"]},
        configs={"zs_B": ["z_esx01__san1"]},
        effective="zs_B",
    )
    z.status = ZoneStatus(vsan=vsan, default_zone="deny", distribute="full", hard_zoning=True)
    return st


def cred(password: str = PASSWORD, user: str = "admin") -> Credential:
    return Credential("test", user=user, password=Secret(password))
