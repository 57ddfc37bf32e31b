"""Interview answers of three businesses of different shapes, for the engine, CLI and window tests."""

# An Oregon website selling concert tickets, with a mailing list and some visitors from Europe.
OREGON_TICKETS = {
    "company_name": "Rose City Tickets LLC", "service_name": "Rose City Tickets", "service_kind": "website",
    "website": "rosecitytickets.example", "contact_email": "privacy@rosecitytickets.example",
    "has_accounts": False, "takes_payments": True, "payment_processor": "Stripe", "contact_messages": True,
    "analytics": True, "cookie_settings": "the Cookie choices link at the foot of every page",
    "newsletter": True, "user_places": ["the European Union"], "california_users": True, "dnt": "nothing different",
    "children": "general audience", "sells_data": False, "shares_for_ads": False, "transfers_abroad": True,
    "automated_decisions": False, "security_steps": ["encryption (TLS) for everything sent to and from us", "regular backups"],
    "keep_billing": "for 3 years, as tax law requires", "keep_logs": "for 6 months",
    "keep_support": "until a year after we answer your message",
    "keep_other": ["Your name, email address and phone number: for 3 years after your last order",
                   "Email addresses on our mailing list: until you unsubscribe", "Cookie identifiers: for 13 months",
                   "Your approximate location: for 6 months"],
}
# A California app company over the revenue threshold that shows interest-based ads.
CALIFORNIA_APP = {
    "company_name": "Sunny Apps, Inc.", "service_name": "PhotoPal", "service_kind": "mobile app",
    "website": "sunnyapps.example", "contact_email": "privacy@sunnyapps.example", "has_accounts": True,
    "sign_in_with": ["Google", "Apple"], "takes_payments": True, "contact_messages": True, "uploads": True,
    "analytics": True, "ad_network": True, "ad_network_use": "ads on our service", "personalised": True,
    "user_places": [], "california_users": True, "dnt": "nothing different", "revenue_over_25m": True,
    "children": "general audience", "teens": False, "sells_data": False, "security_steps": ["regular backups"],
    "opt_out_signals": "yes",
}
# A learning app made for children under 13.
CHILDREN_APP = {
    "company_name": "Little Owls Learning Ltd", "service_name": "Little Owls", "service_kind": "mobile app",
    "contact_email": "parents@littleowls.example", "has_accounts": True, "contact_messages": True,
    "user_places": [], "california_users": True, "dnt": "stop tracking that visitor", "children": "children under 13",
    "sells_data": False, "shares_for_ads": False, "security_steps": ["regular backups", "strong passwords on all our systems"],
}
# A Texas yoga studio that asks members about injuries and pregnancy, with members from Europe too.
TEXAS_STUDIO = {
    "company_name": "Lone Star Yoga LLC", "service_name": "Lone Star Yoga", "service_kind": "website",
    "website": "lonestaryoga.example", "contact_email": "hello@lonestaryoga.example", "has_accounts": True,
    "takes_payments": True, "payment_processor": "Stripe", "contact_messages": True, "analytics": True,
    "cookie_settings": "the Cookie settings link at the foot of every page", "newsletter": True,
    "sensitive_kinds": ["health, injuries, pregnancy or disabilities"],
    "sensitive_what": ["injuries or health conditions that affect your practice", "whether you are pregnant"],
    "sensitive_why": "to keep you safe in class and adapt the poses to you",
    "sensitive_who": "your teacher and our studio manager", "sensitive_basis": "your explicit consent",
    "user_places": ["the European Union"], "california_users": False, "children": "general audience", "sells_data": False,
    "shares_for_ads": False, "transfers_abroad": True, "automated_decisions": False,
    "security_steps": ["encryption (TLS) for everything sent to and from us", "access only for staff who need it, and who must keep it private"],
    "keep_accounts": "until 30 days after you close your account", "keep_billing": "for 3 years, as tax law requires",
    "keep_logs": "for 6 months", "keep_support": "until a year after we answer your message",
    "keep_sensitive": "until you cancel your membership, or sooner if you ask us",
    "keep_other": ["Email addresses on our mailing list: until you unsubscribe", "Cookie identifiers: for 13 months",
                   "Your approximate location: for 6 months"],
}

# Issue 22, part 2: businesses the UK, Canadian and health data laws reach.
# A café in Montreal taking online orders from its neighbours.
MONTREAL_CAFE = {
    "company_name": "Café Mont-Royal inc.", "service_name": "Café Mont-Royal", "service_kind": "online store",
    "website": "cafemontroyal.example", "contact_email": "bonjour@cafemontroyal.example",
    "business_country": "Canada", "business_region": "Québec", "takes_payments": True, "payment_processor": "Square",
    "contact_messages": True, "newsletter": True, "user_places": ["Quebec"], "california_users": False,
    "children": "general audience", "sells_data": False, "shares_for_ads": False, "transfers_abroad": True,
    "automated_decisions": False, "security_steps": ["encryption (TLS) for everything sent to and from us"],
    "keep_billing": "for 6 years, as Quebec tax law requires", "keep_logs": "for 6 months",
    "keep_support": "until a year after we answer your message",
    "keep_other": ["Email addresses on our mailing list: until you unsubscribe", "Cookie identifiers: for 13 months",
                   "Your name, phone number and address: for 6 years after your last order", "Your approximate location: for 6 months"],
}
# A shop in Bristol selling to the UK and the European Union.
BRISTOL_SHOP = {
    "company_name": "Harbourside Prints Ltd", "service_name": "Harbourside Prints", "service_kind": "online store",
    "website": "harbourside.example", "contact_email": "hello@harbourside.example",
    "business_country": "United Kingdom", "business_region": "England", "has_accounts": True, "takes_payments": True,
    "payment_processor": "Stripe", "contact_messages": True, "analytics": True,
    "cookie_settings": "the Cookie settings link at the foot of every page", "user_places": ["the United Kingdom", "the European Union"],
    "california_users": False, "children": "general audience", "sells_data": False, "shares_for_ads": False,
    "transfers_abroad": True, "automated_decisions": False, "security_steps": ["regular backups"],
    "keep_accounts": "until 30 days after you close your account", "keep_billing": "for 6 years, as HMRC requires",
    "keep_logs": "for 6 months", "keep_support": "until a year after we answer your message",
    "keep_other": ["Your name, email address, phone number and address: for 6 years after your last order",
                   "Cookie identifiers: for 13 months", "Your approximate location: for 6 months"],
}
# A physiotherapy clinic in Seattle whose booking site asks about injuries.
SEATTLE_CLINIC = {
    "company_name": "Rainier Physio PLLC", "service_name": "Rainier Physio Booking", "service_kind": "website",
    "website": "rainierphysio.example", "contact_email": "privacy@rainierphysio.example",
    "business_country": "United States", "business_region": "Washington", "contact_messages": True,
    "sensitive_kinds": ["health, injuries, pregnancy or disabilities"], "health_states": ["Washington"],
    "sensitive_what": ["the injury or pain you want treated", "any medication you take"],
    "sensitive_why": "to prepare your appointment and treat you safely",
    "sensitive_who": "your physiotherapist and our front desk", "sensitive_basis": "your explicit consent",
    "user_places": [], "california_users": False, "children": "general audience", "sells_data": False,
    "shares_for_ads": False, "security_steps": ["encryption (TLS) for everything sent to and from us"],
    "keep_logs": "for 6 months", "keep_support": "until a year after we answer your message",
    "keep_sensitive": "for 7 years after your last visit, as Washington law requires for health records",
    "keep_other": ["Your name, email address and phone number: for 7 years after your last visit",
                   "Your approximate location: for 6 months"],
}
# The yoga studio of issue 21 as its owner answers once the catalogue is there: Stripe for bookings, the
# newsletter on Mailchimp, Google Analytics and YouTube videos, each picked rather than described.
STUDIO_WITH_SERVICES = {
    **{k: v for k, v in TEXAS_STUDIO.items() if k not in ("analytics", "newsletter")},
    "payment_processor": {"stripe": {}},
    "services": {"mailchimp": {}, "google_analytics": {}, "youtube": {}},
}
# The Colorado outdoor-gear shop of the US state law review: 150,000 Coloradans a year, the Meta pixel's targeted
# ads, Google Analytics and Stripe, each picked from the catalogue.
COLORADO_SHOP_WITH_SERVICES = {
    "company_name": "Peak Gear LLC", "service_name": "Peak Gear", "service_kind": "website",
    "website": "peakgear.example", "contact_email": "privacy@peakgear.example", "takes_payments": True,
    "analytics": True, "ad_network": True, "cookie_settings": "the Cookie choices link at the foot of every page",
    "california_users": False, "us_states": ["Colorado"], "us_people": ["Colorado: 150,000"],
    "children": "general audience", "sells_data": False, "keep_logs": "for 6 months", "user_places": [],
    "keep_billing": "for 7 years, as tax law requires",
    "keep_other": ["Your name, phone number and address: for 3 years after your last order",
                   "Cookie identifiers: for 13 months", "Payment card details: we do not keep them; our payment company does",
                   "Your approximate location: for 6 months"],
    "services": {"meta_pixel": {}, "google_analytics": {}}, "payment_processor": {"stripe": {}},
}
