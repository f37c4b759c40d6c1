import type { CrmTestUrls } from '../define';

export const DYNAMICS_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://contoso.crm.dynamics.com/main.aspx?appid=0f4a2a5e-1c2b-ee11-9965-000d3a5c1f2e&pagetype=entityrecord&etn=lead&id=6f0c8e3a-5b2d-ef11-8e4f-000d3a4b2c10',
    'https://autohuis-vd.crm4.dynamics.com/main.aspx?appid=3c5e1f0a-2b3c-ed11-b83d-000d3ab1c2d3&forceUCI=1&pagetype=entityrecord&etn=contact&id=%7B9A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9%7D',
    'https://dealergroup.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id={1e2d3c4b-5a69-7887-9695-a4b3c2d1e0f0}',
    'https://acme-motors.crm.dynamics.com/main.aspx?etc=4&id=%7b6f0c8e3a-5b2d-ef11-8e4f-000d3a4b2c10%7d&pagetype=entityrecord',
    'https://sterling-auto.crm11.dynamics.com/main.aspx?appid=5d1a9f43-7a01-ef11-9f89-6045bd0b1c2e&pagetype=entityrecord&etn=lead&id=b2f41c77-0a3e-4d5b-9c1e-7f6a5b4c3d2e#tab_summary',
  ],
  other: [
    'https://contoso.crm.dynamics.com/main.aspx?appid=0f4a2a5e-1c2b-ee11-9965-000d3a5c1f2e&pagetype=entitylist&etn=lead&viewid=00000000-0000-0000-00aa-000010001004&viewType=1039',
    'https://contoso.crm.dynamics.com/main.aspx?appid=0f4a2a5e-1c2b-ee11-9965-000d3a5c1f2e&pagetype=entityrecord&etn=lead',
    'https://autohuis-vd.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=9a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9',
    'https://autohuis-vd.crm4.dynamics.com/main.aspx?pagetype=dashboard&id=a1b2c3d4-0000-0000-0000-000000000001',
    'https://contoso.crm.dynamics.com/apps',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=not-a-guid',
  ],
};
