import type { CrmTestUrls } from '../define';

export const VINSOLUTIONS_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/CRM/CustomerDashboard.aspx?GlobalCustomerID=1440099537&AutoLeadID=2067692473&SelectedTab=t_ILM',
    'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?AutoLeadID=2043828702&GlobalCustomerID=1427380503',
    'https://apps.vinmanager.com/CarDashboard/Pages/CRM/CustomerDashboard.aspx?ts=1764163511',
    'https://apps.vinmanager.com/CarDashboard/Pages/LeadManagement/LeadInformation.aspx?autoleadid=2070428771',
  ],
  other: [
    'https://vinsolutions.app.coxautoinc.com/vinconnect/pane-both/vinconnect-dealer-dashboard',
    'https://vinsolutions.app.coxautoinc.com/vinconnect/#/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM&leftpaneframe=x&rightpaneframe=HIDE',
    'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM&rightpaneframe=HIDE',
    'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/LeadManagement/LogCallV2/LogCallV2.aspx?AutoLeadID=2067692473&GlobalCustomerID=1440099537&V2Redirect=2',
    'https://apps.vinmanager.com/vinconnect/#/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM',
    'https://apps.vinmanager.com/CarDashboard/Pages/LeadManagement/GenAIHost.aspx?AutoLeadID=2067692473',
  ],
};
