"""Trygghetsassistenten: answers about Stockholm's safety programme, with citations."""
