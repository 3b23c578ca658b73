-- A version per mailbox row, new with every insert and every update whoever makes it (the
-- projection, a rebuild, an operator's hand): readers that keep a rendered copy of a mailbox
-- compare it with the row's version instead of reading the whole row again. The counters live in
-- mailbox_email_stats and are compared on their own. A sequence never goes back, not even when a
-- rebuild truncates the table, so a version is never reused for other contents.
create sequence mailbox_view_version;
alter table mailbox_view add column version bigint not null default nextval('mailbox_view_version');

create function mailbox_view_new_version() returns trigger language plpgsql as $$
begin
    new.version := nextval('mailbox_view_version');
    return new;
end
$$;

create trigger mailbox_view_new_version before update on mailbox_view
    for each row execute function mailbox_view_new_version();
