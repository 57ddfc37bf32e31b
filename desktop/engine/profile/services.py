"""The shape of picked services, as `profile.services` and the interview's services answers hold them:
service id -> its settings object; an "another service" the owner describes is `custom.<slug>` whose
`entry` holds the facts a catalogue entry would give. Which ids the catalogue knows is the policy's
business (policy/services.py), since a user's library may add services of its own.
"""

CUSTOM_SERVICE_PREFIX = "custom."
# The keys of an "another service" entry and the type each holds.
CUSTOM_ENTRY_KEYS = {"name": str, "kind": str, "provider": str, "country": str, "data": list, "own_purposes": bool}
_TYPE_WORDS = {str: "text", list: "a list of data ids", bool: "true or false"}


def services_problems(data: object, path: str) -> list[str]:
    """'PATH.ID: what is wrong' for each service that is not of the right shape."""
    if not isinstance(data, dict):
        return [f"{path}: must be an object of service id -> its settings object"]
    problems = []
    for service_id, settings in data.items():
        if not isinstance(settings, dict):
            problems.append(f"{path}.{service_id}: must be an object of settings ({{}} when it has none)")
        elif service_id.startswith(CUSTOM_SERVICE_PREFIX):
            problems += [f"{path}.{service_id}.entry{p}" for p in _custom_entry_problems(settings.get("entry"))]
    return problems


def _custom_entry_problems(entry: object) -> list[str]:
    if not isinstance(entry, dict):
        return [": must be an object with " + ", ".join(CUSTOM_ENTRY_KEYS)]
    wrong = [f".{key}: must be {_TYPE_WORDS[kind]}"
             for key, kind in CUSTOM_ENTRY_KEYS.items() if not isinstance(entry.get(key), kind)]
    if isinstance(entry.get("data"), list) and not all(isinstance(d, str) for d in entry["data"]):
        wrong.append(".data: must be a list of data ids")
    if isinstance(entry.get("name"), str) and not entry["name"].strip():
        wrong.append(".name: give the service's name")
    return wrong


def custom_id(name: str) -> str:
    """The key of an "another service" called `name`: `custom.` and its name in lower case, words joined by _."""
    slug = "_".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
    return CUSTOM_SERVICE_PREFIX + (slug or "service")
