"""Hotkeys that work on the operators' keyboards: AltGr letters warn, system combinations are refused."""
import pytest
from django.core.exceptions import ValidationError

from phrases.validation import hotkey_warnings, validate_hotkey

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("hotkey, letter", [("Ctrl+Alt+A", "ą"), ("Ctrl+Alt+S", "ś"), ("Ctrl+Alt+Z", "ż"),
                                            ("Ctrl+Alt+X", "ź"), ("Ctrl+Alt+Shift+L", "Ł")])
def test_ctrl_alt_on_a_polish_letter_warns(hotkey, letter):
    warnings = hotkey_warnings(hotkey)
    assert len(warnings) == 1 and letter in warnings[0] and hotkey in warnings[0]
    validate_hotkey(hotkey)  # a warning, not a rejection


@pytest.mark.parametrize("hotkey", ["Ctrl+Alt+1", "Ctrl+Alt+B", "Ctrl+Shift+S", "Alt+S", "Ctrl+Win+A", "", "nonsense"])
def test_other_hotkeys_do_not_warn(hotkey):
    assert hotkey_warnings(hotkey) == []


@pytest.mark.parametrize("hotkey", ["Win+L", "Win+D", "Win+E", "Win+R", "Win+1", "Alt+F4", "Ctrl+Alt+F2",
                                    "Shift+Win+S", "Ctrl+C", "Ctrl+V"])
def test_hotkeys_the_system_keeps_are_refused(make_phrase, hotkey):
    with pytest.raises(ValidationError) as error:
        make_phrase(hotkey=hotkey)
    assert "hotkey" in error.value.message_dict and "reserved" in str(error.value)


def test_the_editor_can_check_a_hotkey(client, writer, operator):
    client.force_login(writer)
    warned = client.get("/api/v1/hotkeys/check/", {"hotkey": "Ctrl+Alt+S"}).json()
    assert warned["valid"] and warned["errors"] == [] and "ś" in warned["warnings"][0]
    refused = client.get("/api/v1/hotkeys/check/", {"hotkey": "Win+L"}).json()
    assert not refused["valid"] and refused["errors"] and refused["warnings"] == []
    malformed = client.get("/api/v1/hotkeys/check/", {"hotkey": "Ctrl+Alt+Ä"}).json()
    assert not malformed["valid"]
    unencoded = client.get("/api/v1/hotkeys/check/?hotkey=Ctrl+Alt+1").json()
    assert unencoded == {"hotkey": "Ctrl+Alt+1", "valid": True, "errors": [], "warnings": []}
    client.force_login(operator)
    assert client.get("/api/v1/hotkeys/check/", {"hotkey": "Ctrl+Alt+S"}).status_code == 403


def test_hotkey_warning_speaks_the_interface_language(client, writer):
    client.force_login(writer)
    warned = client.get("/api/v1/hotkeys/check/", {"hotkey": "Ctrl+Alt+S"}, HTTP_ACCEPT_LANGUAGE="ru").json()
    assert "польской" in warned["warnings"][0]
